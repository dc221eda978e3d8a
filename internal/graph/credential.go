package graph

import (
	"context"
	"crypto"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/cloud"
	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	"github.com/Azure/azure-sdk-for-go/sdk/azidentity"
)

// oidcAudience is the audience Entra expects of federated tokens.
const oidcAudience = "api://AzureADTokenExchange"

// newCredential builds the azidentity credential for the chosen method. No
// request is sent here: credentials fetch tokens lazily and cache them until
// shortly before they expire. Its failures carry the method, so that the
// advice given names the method in use.
func newCredential(cfg Config, httpClient *http.Client) (azcore.TokenCredential, error) {
	cred, err := newMethodCredential(cfg, httpClient)
	if err != nil {
		return nil, err
	}
	return methodCredential{cred: cred, method: cfg.Method, from: cfg.MethodFrom, oidc: cfg.OIDC}, nil
}

func newMethodCredential(cfg Config, httpClient *http.Client) (azcore.TokenCredential, error) {
	opts := azcore.ClientOptions{
		Cloud: cloud.Configuration{ActiveDirectoryAuthorityHost: cfg.AuthorityHost.String()},
	}
	if httpClient != nil {
		opts.Transport = httpClient
	}
	switch cfg.Method {
	case AuthAccessToken:
		return staticToken(cfg.Secret), nil
	case AuthClientSecret:
		return azidentity.NewClientSecretCredential(cfg.TenantID, cfg.ClientID, cfg.Secret,
			&azidentity.ClientSecretCredentialOptions{ClientOptions: opts, DisableInstanceDiscovery: cfg.CustomAuthority})
	case AuthClientCertificate:
		certs, key, err := parseCertificate(cfg.Certificate, cfg.Secret)
		if err != nil {
			return nil, err
		}
		return azidentity.NewClientCertificateCredential(cfg.TenantID, cfg.ClientID, certs, key,
			&azidentity.ClientCertificateCredentialOptions{ClientOptions: opts, DisableInstanceDiscovery: cfg.CustomAuthority, SendCertificateChain: true})
	case AuthOIDC:
		assertion := oidcAssertion{source: cfg.OIDC, client: httpClient}
		return azidentity.NewClientAssertionCredential(cfg.TenantID, cfg.ClientID, assertion.get,
			&azidentity.ClientAssertionCredentialOptions{ClientOptions: opts, DisableInstanceDiscovery: cfg.CustomAuthority})
	case AuthAKSWorkloadIdentity:
		return azidentity.NewWorkloadIdentityCredential(&azidentity.WorkloadIdentityCredentialOptions{
			ClientOptions: opts, TenantID: cfg.TenantID, ClientID: cfg.ClientID, TokenFilePath: cfg.OIDC.TokenFile,
			DisableInstanceDiscovery: cfg.CustomAuthority,
		})
	case AuthManagedIdentity:
		msi := &azidentity.ManagedIdentityCredentialOptions{ClientOptions: opts}
		if cfg.ClientID != "" {
			msi.ID = azidentity.ClientID(cfg.ClientID)
		}
		return azidentity.NewManagedIdentityCredential(msi)
	case AuthAzureCLI:
		return azidentity.NewAzureCLICredential(&azidentity.AzureCLICredentialOptions{TenantID: cfg.TenantID})
	}
	return nil, fmt.Errorf("unknown authentication method %q", cfg.Method)
}

func parseCertificate(data []byte, password string) ([]*x509.Certificate, crypto.PrivateKey, error) {
	var pw []byte
	if password != "" {
		pw = []byte(password)
	}
	return azidentity.ParseCertificates(data, pw)
}

// staticToken is a bearer token obtained elsewhere, used as is. Its expiry is
// unknown, so it is reported as far in the future: Graph's 401 tells when it
// has run out.
type staticToken string

func (t staticToken) GetToken(context.Context, policy.TokenRequestOptions) (azcore.AccessToken, error) {
	return azcore.AccessToken{Token: string(t), ExpiresOn: time.Now().Add(24 * time.Hour)}, nil
}

// oidcAssertion fetches the federated token each time the credential needs a
// new access token, since CI tokens are short-lived.
type oidcAssertion struct {
	source OIDCSource
	client *http.Client
}

func (a oidcAssertion) get(ctx context.Context) (string, error) {
	switch {
	case a.source.Token != "":
		return a.source.Token, nil
	case a.source.TokenFile != "":
		data, err := os.ReadFile(a.source.TokenFile)
		if err != nil {
			return "", fmt.Errorf("reading OIDC token file: %w", err)
		}
		return strings.TrimSpace(string(data)), nil
	}
	return a.request(ctx)
}

// azurePipelinesOIDCVersion is the API version of Azure DevOps' OIDC token
// endpoint, as azidentity's AzurePipelinesCredential sends it.
const azurePipelinesOIDCVersion = "7.1"

// request asks a CI system for an ID token: GitHub Actions' protocol (GET
// with the audience, answer {"value": …}), or, with a service connection,
// Azure Pipelines' (POST naming the service connection, answer
// {"oidcToken": …}). The latter is what azidentity's AzurePipelinesCredential
// sends; it is done here so that oidc_request_url and oidc_request_token in
// the provider block are honoured (that credential reads the environment only).
func (a oidcAssertion) request(ctx context.Context) (string, error) {
	u, err := url.Parse(a.source.RequestURL)
	if err != nil {
		return "", fmt.Errorf("OIDC request URL: %w", err)
	}
	q := u.Query()
	method, field := http.MethodGet, "value"
	if a.source.ServiceConnectionID != "" {
		method, field = http.MethodPost, "oidcToken"
		q.Set("api-version", azurePipelinesOIDCVersion)
		q.Set("serviceConnectionId", a.source.ServiceConnectionID)
	} else {
		q.Set("audience", oidcAudience)
	}
	u.RawQuery = q.Encode()
	req, err := http.NewRequestWithContext(ctx, method, u.String(), nil)
	if err != nil {
		return "", err
	}
	req.Header.Set("Authorization", "Bearer "+a.source.RequestToken)
	req.Header.Set("Accept", "application/json")
	if a.source.ServiceConnectionID != "" {
		// Azure DevOps answers 401 instead of redirecting to a sign-in page.
		req.Header.Set("X-TFS-FedAuthRedirect", "Suppress")
	}
	client := a.client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", fmt.Errorf("requesting OIDC token: %w", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return "", fmt.Errorf("reading OIDC token response: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("requesting OIDC token from %s: HTTP %d", u.Host, resp.StatusCode)
	}
	var out map[string]any
	var token string
	if err := json.Unmarshal(body, &out); err == nil {
		token, _ = out[field].(string)
	}
	if token == "" {
		return "", fmt.Errorf("the OIDC token response from %s holds no %q", u.Host, field)
	}
	return token, nil
}

// methodCredential marks every failure to get a token with the method in use.
type methodCredential struct {
	cred   azcore.TokenCredential
	method AuthMethod
	from   string
	oidc   OIDCSource
}

func (c methodCredential) GetToken(ctx context.Context, opts policy.TokenRequestOptions) (azcore.AccessToken, error) {
	tok, err := c.cred.GetToken(ctx, opts)
	if err != nil {
		return tok, &CredentialError{Method: c.method, MethodFrom: c.from, azureDevOps: c.oidc.ServiceConnectionID != "", Err: err}
	}
	return tok, nil
}

// CredentialError is a failure of the credential of one authentication method.
type CredentialError struct {
	Method      AuthMethod
	MethodFrom  string // as Config.MethodFrom
	azureDevOps bool
	Err         error
}

func (e *CredentialError) Error() string { return e.Err.Error() }
func (e *CredentialError) Unwrap() error { return e.Err }

// Describe names the method as a user knows it.
func (e *CredentialError) Describe() string {
	return describeMethod(e.Method, e.MethodFrom, e.azureDevOps)
}

func describeMethod(m AuthMethod, from string, azureDevOps bool) string {
	switch m {
	case AuthClientSecret:
		return "a client secret"
	case AuthClientCertificate:
		return "a client certificate"
	case AuthOIDC:
		if azureDevOps {
			return "OIDC from Azure Pipelines"
		}
		return "OIDC (workload identity federation)"
	case AuthAKSWorkloadIdentity:
		return "AKS workload identity"
	case AuthManagedIdentity:
		return "managed identity"
	case AuthAzureCLI:
		if from == MethodFromDefault {
			return "the Azure CLI (used because no authentication method is configured)"
		}
		return "the Azure CLI"
	}
	return "an access token"
}

// Advice says what to check for the method in use.
func (e *CredentialError) Advice() string {
	switch e.Method {
	case AuthClientSecret:
		return "Check tenant_id, client_id and client_secret (or client_secret_file_path): the secret must be the secret's value " +
			"(not its id), not expired, and belong to that app registration in that tenant."
	case AuthClientCertificate:
		return "Check tenant_id and client_id, and that the certificate in client_certificate_path (or client_certificate) is the one " +
			"uploaded to that app registration and has not expired."
	case AuthOIDC:
		if e.azureDevOps {
			return "Check tenant_id, client_id and oidc_azure_service_connection_id: the service connection must use workload identity " +
				"federation with that app registration, and the step must map SYSTEM_ACCESSTOKEN: $(System.AccessToken)."
		}
		return "Check tenant_id and client_id, and the federated credential on the app registration: its issuer, subject and audience " +
			"(api://AzureADTokenExchange) must match the CI system's token (for GitHub Actions: the repository, and the branch, " +
			"environment or pull request of the job, which needs permissions: id-token: write)."
	case AuthAKSWorkloadIdentity:
		return "Check that the pod has the label azure.workload.identity/use: \"true\", that its service account is annotated with " +
			"azure.workload.identity/client-id, and that the identity's federated credential names that service account " +
			"(subject system:serviceaccount:NAMESPACE:NAME) and the cluster's OIDC issuer."
	case AuthManagedIdentity:
		return "Check that Terraform runs on an Azure resource with a managed identity (VM, container, build agent): its token endpoint " +
			"answers only there. For a user-assigned identity, client_id must be that identity's client id."
	case AuthAzureCLI:
		advice := "Sign in with az login (az account show tells who is signed in); set tenant_id to pick one tenant of several."
		if e.MethodFrom == MethodFromDefault {
			advice = "No authentication method is configured, so the provider used the Azure CLI, as the azuread provider does. " + advice +
				" Or configure a method: see the provider documentation's Authentication section."
		}
		return advice
	}
	return "Check the token in access_token (INDUSTRYDATA_ACCESS_TOKEN): it is used as is and expires after about an hour."
}
