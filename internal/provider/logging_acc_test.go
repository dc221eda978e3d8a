package provider_test

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/hex"
	"encoding/pem"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"software.sslmate.com/src/go-pkcs12"

	"github.com/industrydata/terraform-provider-industrydata/internal/acctest"
	"github.com/industrydata/terraform-provider-industrydata/internal/fakegraph"
)

// With TF_LOG=trace the CLI prints everything the provider logs, including
// each Graph request and response, retries and failures. No secret may
// appear: client secret, certificate password, OIDC token, nor any access
// token the fake issued, for every method the fake's token endpoint can
// serve (client secret, certificate file or inline, OIDC token, Azure
// Pipelines OIDC, AKS workload identity). The provider runs as a real plugin binary so the
// output is exactly what a user would paste into an issue.
func TestAccProvider_traceLogHasNoSecrets(t *testing.T) {
	acctest.PreCheck(t)
	t.Parallel()
	for _, method := range []string{"client_secret", "client_certificate", "client_certificate_inline", "oidc_token", "azure_pipelines_oidc", "aks_workload_identity"} {
		t.Run(method, func(t *testing.T) {
			t.Parallel()
			secret := randomSecret(t)
			fake := acctest.NewFake(t, fakegraph.Options{
				ClientSecret: secret,
				Runs:         []fakegraph.Run{{ID: anyRunID, DisplayName: "traced run", Status: "running"}},
			})
			// A throttled read and a refused one: retries and failures are logged too.
			fake.InjectFault(fakegraph.Fault{Method: "GET", Status: 429, RetryAfter: "1"})
			fake.InjectFault(fakegraph.Fault{Method: "GET", Status: 503, RetryAfter: "1"})
			run := acctest.NewCLIRun(t, fake)
			settings, secrets := authSettings(t, fake, method, secret, run.Dir)
			run.WriteConfig(t, acctest.RequiredProviders+acctest.ProviderBlockWith(fake, settings)+`
data "industrydata_run" "test" { id = "`+anyRunID+`" }
data "industrydata_run" "missing" { id = "00000000-0000-0000-0000-00000000dead" }
`)
			out, err := run.Run(t, []string{"TF_LOG=trace"}, "apply", "-auto-approve", "-input=false", "-no-color")
			if err == nil {
				t.Fatalf("apply succeeded; the missing run must fail it:\n%s", tail(out))
			}
			for _, want := range []string{"Graph request detail", "(redacted)", "Graph request throttled, retrying",
				"/external/industryData/runs/" + anyRunID, "Run not found"} {
				if !strings.Contains(out, want) {
					t.Fatalf("trace output lacks %q, so it does not show what it should:\n%s", want, tail(out))
				}
			}
			tokens := fake.IssuedTokens()
			if len(tokens) == 0 {
				t.Fatal("the fake issued no token: the test would prove nothing")
			}
			if leaked, found := acctest.ContainsAny(out, append(tokens, secrets...)...); found {
				t.Errorf("trace output contains a secret (%d chars starting %q)", len(leaked), leaked[:4])
			}
		})
	}
}

// authSettings returns provider settings for one authentication method and
// the secret values that must stay out of logs.
func authSettings(t *testing.T, fake *fakegraph.Server, method, secret, dir string) (map[string]string, []string) {
	base := map[string]string{"tenant_id": fake.TenantID(), "client_id": fake.ClientID()}
	switch method {
	case "client_certificate":
		path := filepath.Join(dir, "client.pfx")
		if err := os.WriteFile(path, passwordProtectedPFX(t, secret), 0o600); err != nil {
			t.Fatal(err)
		}
		base["client_certificate_path"] = path
		base["client_certificate_password"] = secret
		return base, []string{secret}
	case "client_certificate_inline":
		inline := base64.StdEncoding.EncodeToString(passwordProtectedPFX(t, secret))
		base["client_certificate"] = inline
		base["client_certificate_password"] = secret
		return base, []string{inline, secret}
	case "oidc_token":
		token := fakeJWT(secret)
		base["use_oidc"] = "true"
		base["oidc_token"] = token
		return base, []string{token, secret}
	case "azure_pipelines_oidc":
		token := fakeJWT(secret)
		pipelines := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{"oidcToken":"` + token + `"}`))
		}))
		t.Cleanup(pipelines.Close)
		trustAlso(t, filepath.Join(dir, "fake-graph.pem"), pipelines.Certificate())
		base["use_oidc"] = "true"
		base["oidc_azure_service_connection_id"] = "00000000-0000-0000-0000-00000000c0de"
		base["oidc_request_url"] = pipelines.URL + "/oidctoken"
		base["oidc_request_token"] = secret // SYSTEM_ACCESSTOKEN
		return base, []string{token, secret}
	case "aks_workload_identity":
		token := fakeJWT(secret)
		file := filepath.Join(dir, "azure-identity-token")
		if err := os.WriteFile(file, []byte(token), 0o600); err != nil {
			t.Fatal(err)
		}
		base["use_aks_workload_identity"] = "true"
		base["oidc_token_file_path"] = file
		return base, []string{token, secret}
	}
	base["client_secret"] = secret
	return base, []string{secret}
}

// trustAlso adds a certificate to the PEM file that SSL_CERT_FILE names.
func trustAlso(t *testing.T, pemFile string, cert *x509.Certificate) {
	f, err := os.OpenFile(pemFile, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := pem.Encode(f, &pem.Block{Type: "CERTIFICATE", Bytes: cert.Raw}); err != nil {
		t.Fatal(err)
	}
}

// passwordProtectedPFX is a self-signed client certificate and its key in a
// PKCS#12 file protected by password (legacy encryption, which azidentity reads).
func passwordProtectedPFX(t *testing.T, password string) []byte {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "industrydata acctest"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pfx, err := pkcs12.LegacyDES.Encode(key, cert, nil, password)
	if err != nil {
		t.Fatal(err)
	}
	return pfx
}

// fakeJWT is shaped like a federated ID token; the fake checks only its shape.
func fakeJWT(secret string) string {
	enc := base64.RawURLEncoding.EncodeToString
	return enc([]byte(`{"alg":"RS256","typ":"JWT"}`)) + "." + enc([]byte(`{"sub":"`+secret+`"}`)) + "." + enc([]byte(secret))
}

func randomSecret(t *testing.T) string {
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return "s3cr3t~" + hex.EncodeToString(b)
}

func tail(s string) string {
	const keep = 6000
	if len(s) > keep {
		return "…" + s[len(s)-keep:]
	}
	return s
}
