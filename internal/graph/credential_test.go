package graph

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

const credentialTestRunID = "c0000000-0000-4000-8000-0000000000c1"

// federatedJWT is shaped like a federated ID token; the fake checks only its shape.
func federatedJWT(subject string) string {
	enc := base64.RawURLEncoding.EncodeToString
	return enc([]byte(`{"alg":"RS256","typ":"JWT"}`)) + "." + enc([]byte(`{"sub":"`+subject+`"}`)) + "." + enc([]byte("signature"))
}

// azurePipelines is a stand-in for Azure DevOps' OIDC token endpoint, as
// azidentity's AzurePipelinesCredential calls it.
type azurePipelines struct {
	*httptest.Server
	mu       sync.Mutex
	requests []*http.Request
	status   int
	token    string
}

func newAzurePipelines(t *testing.T, status int, token string) *azurePipelines {
	p := &azurePipelines{status: status, token: token}
	p.Server = httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		p.requests = append(p.requests, r.Clone(context.Background()))
		p.mu.Unlock()
		if p.status != http.StatusOK {
			w.WriteHeader(p.status)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]string{"oidcToken": p.token})
	}))
	t.Cleanup(p.Close)
	return p
}

// trusting is an HTTP client that trusts the fake and the given test servers.
func trusting(fake *fakegraph.Server, servers ...*httptest.Server) *http.Client {
	pool := x509.NewCertPool()
	pool.AddCert(fake.Certificate())
	for _, s := range servers {
		pool.AddCert(s.Certificate())
	}
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}}}
}

// clientFor resolves settings and environment pointed at the fake, as the
// provider does, and builds a Client.
func clientFor(t *testing.T, fake *fakegraph.Server, in Settings, env map[string]string, httpClient *http.Client) *Client {
	t.Helper()
	in.GraphEndpoint, in.AuthorityHost = ptr(fake.GraphURL()), ptr(fake.URL()+"/")
	cfg, err := Resolve(in, envOf(env))
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewClient(cfg, Options{HTTPClient: httpClient})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// assertionsSent lists the client assertions the fake's token endpoint received.
func assertionsSent(t *testing.T, fake *fakegraph.Server) []string {
	var out []string
	for _, r := range fake.Requests() {
		if r.Method == http.MethodPost && strings.HasSuffix(r.Path, "/oauth2/v2.0/token") {
			form, err := url.ParseQuery(string(r.Body))
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, form.Get("client_assertion"))
		}
	}
	return out
}

func readOneRun(t *testing.T, c *Client) error {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	_, err := c.GetRun(ctx, credentialTestRunID)
	return err
}

func newCredentialFake(t *testing.T) *fakegraph.Server {
	fake := fakegraph.NewTLSServer(fakegraph.Options{Runs: []fakegraph.Run{{ID: credentialTestRunID, Status: "running", StartDateTime: time.Now()}}})
	t.Cleanup(fake.Close)
	return fake
}

// Azure DevOps OIDC: the provider asks Azure Pipelines for an ID token for
// the service connection (POST, api-version 7.1, SYSTEM_ACCESSTOKEN as
// bearer) and exchanges it at the token endpoint through azidentity.
func TestCredential_azurePipelinesOIDC(t *testing.T) {
	fake := newCredentialFake(t)
	idToken := federatedJWT("sc://org/project/connection")
	pipelines := newAzurePipelines(t, http.StatusOK, idToken)
	c := clientFor(t, fake, Settings{}, map[string]string{
		"ARM_TENANT_ID": fake.TenantID(), "ARM_CLIENT_ID": fake.ClientID(), "ARM_USE_OIDC": "true",
		"ARM_OIDC_AZURE_SERVICE_CONNECTION_ID": "sc-1", "SYSTEM_ACCESSTOKEN": "system-access-token",
		"SYSTEM_OIDCREQUESTURI": pipelines.URL + "/org/_apis/distributedtask/hubs/build/plans/p/jobs/j/oidctoken",
	}, trusting(fake, pipelines.Server))
	if err := readOneRun(t, c); err != nil {
		t.Fatal(err)
	}
	if len(pipelines.requests) != 1 {
		t.Fatalf("Azure Pipelines was asked %d times, want once", len(pipelines.requests))
	}
	r := pipelines.requests[0]
	q := r.URL.Query()
	if r.Method != http.MethodPost || q.Get("api-version") != "7.1" || q.Get("serviceConnectionId") != "sc-1" ||
		r.Header.Get("Authorization") != "Bearer system-access-token" || r.Header.Get("X-TFS-FedAuthRedirect") != "Suppress" {
		t.Errorf("Azure Pipelines got %s %s with Authorization %q", r.Method, r.URL, r.Header.Get("Authorization"))
	}
	if got := assertionsSent(t, fake); len(got) != 1 || got[0] != idToken {
		t.Errorf("the token endpoint got assertions %q, want the pipeline's ID token", got)
	}
}

// A refused pipeline token is an authentication failure that names the
// method, so the advice can be about Azure Pipelines.
func TestCredential_azurePipelinesRefusalNamesTheMethod(t *testing.T) {
	fake := newCredentialFake(t)
	pipelines := newAzurePipelines(t, http.StatusUnauthorized, "")
	c := clientFor(t, fake, Settings{UseOIDC: ptr(true)}, map[string]string{
		"ARM_TENANT_ID": fake.TenantID(), "ARM_CLIENT_ID": fake.ClientID(),
		"ARM_OIDC_AZURE_SERVICE_CONNECTION_ID": "sc-1", "SYSTEM_ACCESSTOKEN": "expired", "SYSTEM_OIDCREQUESTURI": pipelines.URL,
	}, trusting(fake, pipelines.Server))
	err := readOneRun(t, c)
	var ae *AuthError
	var ce *CredentialError
	if !errors.As(err, &ae) || !errors.As(err, &ce) {
		t.Fatalf("want an AuthError carrying the method, got %T: %v", err, err)
	}
	if ce.Describe() != "OIDC from Azure Pipelines" || !strings.Contains(ce.Advice(), "SYSTEM_ACCESSTOKEN: $(System.AccessToken)") {
		t.Errorf("method %q, advice %q", ce.Describe(), ce.Advice())
	}
	if !strings.Contains(err.Error(), "HTTP 401") {
		t.Errorf("error does not say what Azure Pipelines answered: %v", err)
	}
}

// AKS workload identity: azidentity's WorkloadIdentityCredential reads the
// projected token file and sends it as the client assertion.
func TestCredential_aksWorkloadIdentity(t *testing.T) {
	fake := newCredentialFake(t)
	idToken := federatedJWT("system:serviceaccount:sds:terraform")
	tokenFile := writeTemp(t, t.TempDir(), "azure-identity-token", idToken+"\n")
	c := clientFor(t, fake, Settings{}, map[string]string{
		"ARM_USE_AKS_WORKLOAD_IDENTITY": "1", "AZURE_TENANT_ID": fake.TenantID(), "AZURE_CLIENT_ID": fake.ClientID(),
		"AZURE_FEDERATED_TOKEN_FILE": tokenFile,
	}, fake.Client())
	if err := readOneRun(t, c); err != nil {
		t.Fatal(err)
	}
	if got := assertionsSent(t, fake); len(got) != 1 || strings.TrimSpace(got[0]) != idToken {
		t.Errorf("the token endpoint got assertions %q, want the token file's", got)
	}
}

// An inline base64 certificate signs the client assertion like a file does.
func TestCredential_inlineCertificate(t *testing.T) {
	fake := newCredentialFake(t)
	inline := base64.StdEncoding.EncodeToString(selfSignedPEM(t))
	c := clientFor(t, fake, Settings{TenantID: ptr(fake.TenantID()), ClientCertificate: ptr(inline)},
		map[string]string{"ARM_CLIENT_ID_FILE_PATH": writeTemp(t, t.TempDir(), "client-id", fake.ClientID())}, fake.Client())
	if err := readOneRun(t, c); err != nil {
		t.Fatal(err)
	}
	if got := assertionsSent(t, fake); len(got) != 1 || strings.Count(got[0], ".") != 2 {
		t.Errorf("the token endpoint got assertions %q, want one signed JWT", got)
	}
}

// The Azure CLI, used by default, names itself as the default when it fails.
func TestCredential_defaultAzureCLIFailureSaysItIsTheDefault(t *testing.T) {
	fake := newCredentialFake(t)
	t.Setenv("PATH", filepath.Join(t.TempDir(), "no-az-here"))
	c := clientFor(t, fake, Settings{}, nil, fake.Client())
	err := readOneRun(t, c)
	var ce *CredentialError
	if !errors.As(err, &ce) || ce.Method != AuthAzureCLI {
		t.Fatalf("want a failure of the Azure CLI credential, got %T: %v", err, err)
	}
	if !strings.Contains(ce.Describe(), "no authentication method is configured") || !strings.Contains(ce.Advice(), "az login") {
		t.Errorf("method %q, advice %q", ce.Describe(), ce.Advice())
	}
	if n := len(fake.GraphRequests()); n != 0 {
		t.Errorf("%d Graph requests without a token", n)
	}
}

// A start the service accepts without a Location header is its own error, so
// that callers can say a run has probably started.
func TestClient_startWithoutLocation(t *testing.T) {
	c := staticClient(t, answer(http.StatusAccepted, "", ""), Options{})
	_, err := c.StartRun(context.Background())
	if !errors.Is(err, ErrStartWithoutLocation) {
		t.Fatalf("want ErrStartWithoutLocation, got %v", err)
	}
}
