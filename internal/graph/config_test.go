package graph

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func ptr[T any](v T) *T { return &v }

func envOf(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

// The precedence table: explicit settings win over the environment; two
// methods in the provider block are ambiguous; among environment-only methods
// the documented order decides.
func TestResolve_methodPrecedence(t *testing.T) {
	secretEnv := map[string]string{"ARM_TENANT_ID": "t", "ARM_CLIENT_ID": "c", "ARM_CLIENT_SECRET": "env-secret"}
	tests := []struct {
		name       string
		in         Settings
		env        map[string]string
		wantMethod AuthMethod
		wantFrom   string
		wantSecret string
		wantErr    string // substring of the error; empty for success
		wantAttr   string
	}{
		{name: "client secret from environment", env: secretEnv,
			wantMethod: AuthClientSecret, wantFrom: "ARM_CLIENT_SECRET", wantSecret: "env-secret"},
		{name: "explicit secret beats environment secret", in: Settings{ClientSecret: ptr("cfg-secret")}, env: secretEnv,
			wantMethod: AuthClientSecret, wantFrom: "configuration", wantSecret: "cfg-secret"},
		{name: "explicit access token beats environment secret", in: Settings{AccessToken: ptr("tok")}, env: secretEnv,
			wantMethod: AuthAccessToken, wantFrom: "configuration", wantSecret: "tok"},
		{name: "explicit use_cli beats environment secret", in: Settings{UseCLI: ptr(true)}, env: secretEnv,
			wantMethod: AuthAzureCLI, wantFrom: "configuration"},
		{name: "explicit use_cli=false leaves environment secret", in: Settings{UseCLI: ptr(false)}, env: secretEnv,
			wantMethod: AuthClientSecret, wantFrom: "ARM_CLIENT_SECRET", wantSecret: "env-secret"},
		{name: "environment: access token before secret",
			env:        map[string]string{"INDUSTRYDATA_ACCESS_TOKEN": "tok", "ARM_CLIENT_SECRET": "s", "ARM_USE_MSI": "true"},
			wantMethod: AuthAccessToken, wantFrom: "INDUSTRYDATA_ACCESS_TOKEN", wantSecret: "tok"},
		{name: "environment: secret before OIDC, MSI and CLI",
			env:        map[string]string{"ARM_TENANT_ID": "t", "ARM_CLIENT_ID": "c", "ARM_CLIENT_SECRET": "s", "ARM_USE_OIDC": "true", "ARM_USE_MSI": "true", "ARM_USE_CLI": "true"},
			wantMethod: AuthClientSecret, wantFrom: "ARM_CLIENT_SECRET", wantSecret: "s"},
		{name: "environment: MSI before CLI", env: map[string]string{"ARM_USE_MSI": "1", "ARM_USE_CLI": "true"},
			wantMethod: AuthManagedIdentity, wantFrom: "ARM_USE_MSI"},
		{name: "two methods in the provider block are ambiguous",
			in:      Settings{TenantID: ptr("t"), ClientID: ptr("c"), ClientSecret: ptr("s"), UseMSI: ptr(true)},
			wantErr: "more than one authentication method (client_secret, use_msi)", wantAttr: "use_msi"},
		{name: "no method at all: the Azure CLI, as in azuread", wantMethod: AuthAzureCLI, wantFrom: MethodFromDefault},
		{name: "no method and no client secret: still the Azure CLI", env: map[string]string{"ARM_TENANT_ID": "t", "ARM_CLIENT_ID": "c"},
			wantMethod: AuthAzureCLI, wantFrom: MethodFromDefault},
		{name: "use_cli = false and no method", in: Settings{UseCLI: ptr(false)},
			wantErr: "use_cli is false, which turns off the Azure CLI", wantAttr: "use_cli"},
		{name: "ARM_USE_CLI=0 and no method", env: map[string]string{"ARM_USE_CLI": "0"},
			wantErr: "No authentication method configured", wantAttr: "use_cli"},
		{name: "environment: OIDC before AKS workload identity",
			env:        map[string]string{"ARM_TENANT_ID": "t", "ARM_CLIENT_ID": "c", "ARM_USE_OIDC": "true", "ARM_OIDC_TOKEN": "jwt", "ARM_USE_AKS_WORKLOAD_IDENTITY": "true"},
			wantMethod: AuthOIDC, wantFrom: "ARM_USE_OIDC"},
		{name: "secret without tenant", in: Settings{ClientID: ptr("c"), ClientSecret: ptr("s")},
			wantErr: "needs tenant_id (or ARM_TENANT_ID)", wantAttr: "tenant_id"},
		{name: "secret without client id", env: map[string]string{"ARM_TENANT_ID": "t", "ARM_CLIENT_SECRET": "s"},
			wantErr: "needs client_id (or ARM_CLIENT_ID, ARM_CLIENT_ID_FILE_PATH)", wantAttr: "client_id"},
		{name: "certificate file missing",
			in:      Settings{TenantID: ptr("t"), ClientID: ptr("c"), ClientCertificatePath: ptr("/nonexistent/cert.pfx")},
			wantErr: "/nonexistent/cert.pfx", wantAttr: "client_certificate_path"},
		{name: "OIDC without a token source", in: Settings{TenantID: ptr("t"), ClientID: ptr("c"), UseOIDC: ptr(true)},
			wantErr: "no OIDC token source", wantAttr: "use_oidc"},
		{name: "OIDC falls back to GitHub Actions variables", in: Settings{TenantID: ptr("t"), ClientID: ptr("c"), UseOIDC: ptr(true)},
			env:        map[string]string{"ACTIONS_ID_TOKEN_REQUEST_TOKEN": "rt", "ACTIONS_ID_TOKEN_REQUEST_URL": "https://token.actions.example/x"},
			wantMethod: AuthOIDC, wantFrom: "configuration"},
		{name: "malformed boolean in environment", env: map[string]string{"ARM_USE_MSI": "yes"},
			wantErr: `ARM_USE_MSI is "yes"; use true, false, 1 or 0`, wantAttr: "use_msi"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Resolve(tt.in, envOf(tt.env))
			if tt.wantErr != "" {
				var ce *ConfigError
				if !errors.As(err, &ce) {
					t.Fatalf("want ConfigError containing %q, got %v", tt.wantErr, err)
				}
				if !strings.Contains(ce.Error(), tt.wantErr) {
					t.Errorf("error %q lacks %q", ce.Error(), tt.wantErr)
				}
				if ce.Attribute != tt.wantAttr {
					t.Errorf("error names attribute %q, want %q", ce.Attribute, tt.wantAttr)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if cfg.Method != tt.wantMethod || cfg.MethodFrom != tt.wantFrom || cfg.Secret != tt.wantSecret {
				t.Errorf("got method %s from %s with secret %q; want %s from %s with %q",
					cfg.Method, cfg.MethodFrom, cfg.Secret, tt.wantMethod, tt.wantFrom, tt.wantSecret)
			}
		})
	}
}

// A secret file set in the provider block beats a secret (or an access
// token) that comes only from the environment.
func TestResolve_secretFileInBlockBeatsEnvironment(t *testing.T) {
	file := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(file, []byte("from-block-file"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"ARM_TENANT_ID": "t", "ARM_CLIENT_ID": "c", "ARM_CLIENT_SECRET": "env-secret", "INDUSTRYDATA_ACCESS_TOKEN": "env-token"}
	cfg, err := Resolve(Settings{ClientSecretFilePath: &file}, envOf(env))
	if err != nil || cfg.Method != AuthClientSecret || cfg.MethodFrom != "configuration" || cfg.Secret != "from-block-file" {
		t.Fatalf("got method %s from %s, secret %q, err %v; want the block's secret file", cfg.Method, cfg.MethodFrom, cfg.Secret, err)
	}
}

func TestResolve_secretFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(file, []byte("from-file\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := Resolve(Settings{}, envOf(map[string]string{"ARM_TENANT_ID": "t", "ARM_CLIENT_ID": "c", "ARM_CLIENT_SECRET_FILE_PATH": file}))
	if err != nil || cfg.Secret != "from-file" {
		t.Fatalf("got %q, %v; want the file's secret without its newline", cfg.Secret, err)
	}
}

// Endpoints: the environment picks the hosts and the token scope; graph_endpoint
// overrides the Graph URL only, and plain http is loopback-only.
func TestResolve_endpoints(t *testing.T) {
	token := Settings{AccessToken: ptr("tok")}
	tests := []struct {
		name                        string
		environment, endpoint       *string
		wantGraph, wantAuth, wantSc string
		wantErr                     string
	}{
		{name: "public by default", wantGraph: "https://graph.microsoft.com/beta", wantAuth: "https://login.microsoftonline.com/", wantSc: "https://graph.microsoft.com/.default"},
		{name: "US government", environment: ptr("usgovernment"), wantGraph: "https://graph.microsoft.us/beta", wantAuth: "https://login.microsoftonline.us/", wantSc: "https://graph.microsoft.us/.default"},
		{name: "US government L5", environment: ptr("usgovernmentl5"), wantGraph: "https://dod-graph.microsoft.us/beta", wantAuth: "https://login.microsoftonline.us/", wantSc: "https://dod-graph.microsoft.us/.default"},
		{name: "China", environment: ptr("china"), wantGraph: "https://microsoftgraph.chinacloudapi.cn/beta", wantAuth: "https://login.chinacloudapi.cn/", wantSc: "https://microsoftgraph.chinacloudapi.cn/.default"},
		{name: "unknown cloud", environment: ptr("mars"), wantErr: `"mars" (from configuration) is not a known cloud; use one of china, public, usgovernment, usgovernmentl5 (or the azuread names dod, global, usgovernmentl4)`},
		{name: "azuread's global is public", environment: ptr("global"), wantGraph: "https://graph.microsoft.com/beta", wantAuth: "https://login.microsoftonline.com/", wantSc: "https://graph.microsoft.com/.default"},
		{name: "azuread's usgovernmentl4 is usgovernment", environment: ptr("usgovernmentl4"), wantGraph: "https://graph.microsoft.us/beta", wantAuth: "https://login.microsoftonline.us/", wantSc: "https://graph.microsoft.us/.default"},
		{name: "azuread's dod is usgovernmentl5", environment: ptr("DoD"), wantGraph: "https://dod-graph.microsoft.us/beta", wantAuth: "https://login.microsoftonline.us/", wantSc: "https://dod-graph.microsoft.us/.default"},
		{name: "http loopback accepted", endpoint: ptr("http://127.0.0.1:8080/beta/"), wantGraph: "http://127.0.0.1:8080/beta", wantAuth: "https://login.microsoftonline.com/", wantSc: "https://graph.microsoft.com/.default"},
		{name: "http localhost accepted", endpoint: ptr("http://localhost:8080/beta"), wantGraph: "http://localhost:8080/beta", wantAuth: "https://login.microsoftonline.com/", wantSc: "https://graph.microsoft.com/.default"},
		{name: "http ::1 accepted", endpoint: ptr("http://[::1]:8080/beta"), wantGraph: "http://[::1]:8080/beta", wantAuth: "https://login.microsoftonline.com/", wantSc: "https://graph.microsoft.com/.default"},
		{name: "http elsewhere refused", endpoint: ptr("http://10.0.0.5/beta"), wantErr: "not loopback"},
		{name: "https proxy accepted", endpoint: ptr("https://proxy.example.com/graph/beta"), wantGraph: "https://proxy.example.com/graph/beta", wantAuth: "https://login.microsoftonline.com/", wantSc: "https://graph.microsoft.com/.default"},
		{name: "relative URL refused", endpoint: ptr("graph.microsoft.com/beta"), wantErr: "not an absolute URL"},
		{name: "other scheme refused", endpoint: ptr("ftp://graph.example.com/beta"), wantErr: "must use https"},
		{name: "query refused", endpoint: ptr("https://graph.example.com/beta?x=1"), wantErr: "must not carry a query"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := token
			in.Environment, in.GraphEndpoint = tt.environment, tt.endpoint
			cfg, err := Resolve(in, envOf(nil))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("want error containing %q, got %v", tt.wantErr, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := cfg.GraphEndpoint.String(); got != tt.wantGraph {
				t.Errorf("graph endpoint %q, want %q", got, tt.wantGraph)
			}
			if got := cfg.AuthorityHost.String(); got != tt.wantAuth {
				t.Errorf("authority %q, want %q", got, tt.wantAuth)
			}
			if cfg.Scope != tt.wantSc {
				t.Errorf("scope %q, want %q", cfg.Scope, tt.wantSc)
			}
		})
	}
}

func TestResolve_authorityHostMustBeHTTPS(t *testing.T) {
	_, err := Resolve(Settings{AccessToken: ptr("x"), AuthorityHost: ptr("http://127.0.0.1:9/")}, envOf(nil))
	var ce *ConfigError
	if !errors.As(err, &ce) || ce.Attribute != "authority_host" || !strings.Contains(ce.Detail, "must use https") {
		t.Fatalf("want authority_host https error, got %v", err)
	}
}
