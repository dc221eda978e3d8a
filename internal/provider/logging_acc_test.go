package provider_test

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/hex"
	"math/big"
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
// token the fake issued. The provider runs as a real plugin binary so the
// output is exactly what a user would paste into an issue.
func TestAccProvider_traceLogHasNoSecrets(t *testing.T) {
	acctest.PreCheck(t)
	t.Parallel()
	for _, method := range []string{"client_secret", "client_certificate", "oidc_token"} {
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
	case "oidc_token":
		token := fakeJWT(secret)
		base["use_oidc"] = "true"
		base["oidc_token"] = token
		return base, []string{token, secret}
	}
	base["client_secret"] = secret
	return base, []string{secret}
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
