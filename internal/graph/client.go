// Package graph is the provider's one door to Microsoft Graph: it resolves
// connection settings, builds azidentity credentials and the kiota request
// adapter with its middleware, and offers typed industryData operations on
// plain Go values. It knows nothing of Terraform.
package graph

import (
	"fmt"
	"net/http"
	"time"

	absser "github.com/microsoft/kiota-abstractions-go/serialization"
	kiotaauth "github.com/microsoft/kiota-authentication-azure-go"
	khttp "github.com/microsoft/kiota-http-go"
	jsonser "github.com/microsoft/kiota-serialization-json-go"
	"github.com/microsoftgraph/msgraph-beta-sdk-go/external"
	msgraphcore "github.com/microsoftgraph/msgraph-sdk-go-core"
)

// Options tune how the client talks, not what it talks to.
type Options struct {
	// Version is the provider version, sent in the User-Agent.
	Version string
	// HTTPClient carries both Graph and identity traffic; nil means a default
	// client. Tests pass one that trusts their fake server's certificate.
	HTTPClient *http.Client

	// The retry policy (see retry.go); zero values take the Default* values.
	RetryBaseDelay   time.Duration // first backoff ceiling, doubled per retry (default 1s)
	RetryMaxWait     time.Duration // ceiling of one backoff wait (default 30s; Retry-After is honoured beyond it)
	RetryBudget      time.Duration // bound of a request without a context deadline (default 5m)
	RetryMaxAttempts int           // safety net on attempts per request (default 20)
}

// Client performs typed industryData operations against Microsoft Graph.
// It is safe for concurrent use; Terraform calls it from many goroutines.
type Client struct {
	adapter      *msgraphcore.GraphRequestAdapterBase
	industryData *external.IndustryDataRequestBuilder
}

// NewClient wires the credential, the kiota adapter and its middleware. It
// sends no request: the first token is fetched with the first call.
func NewClient(cfg Config, opts Options) (*Client, error) {
	cred, err := newCredential(cfg, opts.HTTPClient)
	if err != nil {
		return nil, &ConfigError{
			Summary: "Cannot set up authentication",
			Detail:  fmt.Sprintf("Authenticating with %s: %v.", describeMethod(cfg.Method, cfg.MethodFrom, cfg.OIDC.ServiceConnectionID != ""), err),
		}
	}
	auth, err := kiotaauth.NewAzureIdentityAuthenticationProviderWithScopesAndValidHosts(
		cred, []string{cfg.Scope}, []string{cfg.GraphEndpoint.Hostname()})
	if err != nil {
		return nil, fmt.Errorf("building Graph authentication: %w", err)
	}
	adapter, err := msgraphcore.NewGraphRequestAdapterBaseWithParseNodeFactoryAndSerializationWriterFactoryAndHttpClient(
		auth, msgraphcore.GraphClientOptions{GraphServiceVersion: "beta"},
		jsonParseNodes(), jsonWriters(), newHTTPClient(cfg, opts))
	if err != nil {
		return nil, fmt.Errorf("building Graph request adapter: %w", err)
	}
	adapter.SetBaseUrl(cfg.GraphEndpoint.String())
	return &Client{
		adapter:      adapter,
		industryData: external.NewExternalRequestBuilderInternal(map[string]string{}, adapter).IndustryData(),
	}, nil
}

// newHTTPClient builds the middleware chain in a fixed order (kiota's default
// list comes from a map and so in random order): ids first so every retry
// carries the same client-request-id, retries outside logging so each attempt
// is logged, logging before compression so bodies are logged readable.
func newHTTPClient(cfg Config, opts Options) *http.Client {
	base := http.DefaultTransport
	if opts.HTTPClient != nil && opts.HTTPClient.Transport != nil {
		base = opts.HTTPClient.Transport
	}
	version := opts.Version
	if version == "" {
		version = "dev"
	}
	userAgent := khttp.NewUserAgentHandlerOptions()
	userAgent.ProductName = "terraform-provider-industrydata"
	userAgent.ProductVersion = version
	middleware := []khttp.Middleware{
		msgraphcore.NewGraphTelemetryHandler(&msgraphcore.GraphClientOptions{GraphServiceVersion: "beta"}),
		newRetryHandler(opts, secretsOf(cfg)),
		khttp.NewRedirectHandler(),
		newLoggingHandler(secretsOf(cfg)),
		compressionHandler{},
		khttp.NewParametersNameDecodingHandler(),
		khttp.NewUserAgentHandlerWithOptions(userAgent),
		khttp.NewHeadersInspectionHandler(),
	}
	return &http.Client{
		Transport: khttp.NewCustomTransportWithParentTransport(base, middleware...),
		// Redirects are the redirect middleware's job.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// secretsOf lists the values no log line may contain.
func secretsOf(cfg Config) []string {
	return append([]string{cfg.Secret, cfg.OIDC.Token, cfg.OIDC.RequestToken}, cfg.Sensitive...)
}

func jsonParseNodes() absser.ParseNodeFactory {
	r := absser.NewParseNodeFactoryRegistry()
	r.ContentTypeAssociatedFactories["application/json"] = jsonser.NewJsonParseNodeFactory()
	return r
}

func jsonWriters() absser.SerializationWriterFactory {
	r := absser.NewSerializationWriterFactoryRegistry()
	r.ContentTypeAssociatedFactories["application/json"] = jsonser.NewJsonSerializationWriterFactory()
	return r
}
