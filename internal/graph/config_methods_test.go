package graph

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The methods and settings azuread users bring along: Azure DevOps OIDC,
// an inline certificate, a client id file, AKS workload identity. Each case
// states the settings and what resolution makes of them.
func TestResolve_azureadSettings(t *testing.T) {
	dir := t.TempDir()
	clientIDFile := writeTemp(t, dir, "client-id", " file-client\n")
	tokenFile := writeTemp(t, dir, "federated-token", "jwt")
	pemCert := selfSignedPEM(t)
	inline := base64.StdEncoding.EncodeToString(pemCert)
	ado := map[string]string{"ARM_TENANT_ID": "t", "ARM_CLIENT_ID": "c", "ARM_USE_OIDC": "true",
		"ARM_OIDC_AZURE_SERVICE_CONNECTION_ID": "sc-1", "SYSTEM_ACCESSTOKEN": "system-token",
		"SYSTEM_OIDCREQUESTURI": "https://dev.azure.com/org/_apis/distributedtask/hubs/build/plans/p/jobs/j/oidctoken"}
	aks := map[string]string{"ARM_USE_AKS_WORKLOAD_IDENTITY": "true", "AZURE_TENANT_ID": "aks-tenant",
		"AZURE_CLIENT_ID": "aks-client", "AZURE_FEDERATED_TOKEN_FILE": tokenFile}
	without := func(m map[string]string, key string) map[string]string {
		out := map[string]string{}
		for k, v := range m {
			if k != key {
				out[k] = v
			}
		}
		return out
	}
	tests := []struct {
		name     string
		in       Settings
		env      map[string]string
		check    func(t *testing.T, cfg Config)
		wantErr  string
		wantAttr string
	}{
		{name: "Azure DevOps: service connection, SYSTEM_ACCESSTOKEN and SYSTEM_OIDCREQUESTURI", env: ado,
			check: func(t *testing.T, cfg Config) {
				want := OIDCSource{RequestToken: "system-token", RequestURL: ado["SYSTEM_OIDCREQUESTURI"], ServiceConnectionID: "sc-1"}
				if cfg.Method != AuthOIDC || cfg.OIDC != want {
					t.Errorf("got %s with %+v, want oidc with %+v", cfg.Method, cfg.OIDC, want)
				}
			}},
		{name: "Azure DevOps: the older ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID",
			env: func() map[string]string {
				m := without(ado, "ARM_OIDC_AZURE_SERVICE_CONNECTION_ID")
				m["ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID"] = "sc-2"
				return m
			}(),
			check: func(t *testing.T, cfg Config) {
				if cfg.OIDC.ServiceConnectionID != "sc-2" {
					t.Errorf("service connection %q, want sc-2", cfg.OIDC.ServiceConnectionID)
				}
			}},
		{name: "Azure DevOps: SYSTEM_ACCESSTOKEN not mapped into the step", env: without(ado, "SYSTEM_ACCESSTOKEN"),
			wantErr: "SYSTEM_ACCESSTOKEN: $(System.AccessToken)", wantAttr: "oidc_azure_service_connection_id"},
		{name: "inline base64 certificate",
			in: Settings{TenantID: ptr("t"), ClientID: ptr("c"), ClientCertificate: ptr(inline)},
			check: func(t *testing.T, cfg Config) {
				if cfg.Method != AuthClientCertificate || string(cfg.Certificate) != string(pemCert) {
					t.Errorf("got %s with %d certificate bytes, want the decoded certificate", cfg.Method, len(cfg.Certificate))
				}
				if len(cfg.Sensitive) != 1 || cfg.Sensitive[0] != inline {
					t.Errorf("the inline certificate is not masked in logs: %d sensitive values", len(cfg.Sensitive))
				}
			}},
		{name: "inline certificate from ARM_CLIENT_CERTIFICATE, wrapped over lines",
			env: map[string]string{"ARM_TENANT_ID": "t", "ARM_CLIENT_ID": "c", "ARM_CLIENT_CERTIFICATE": inline[:40] + "\n" + inline[40:]},
			check: func(t *testing.T, cfg Config) {
				if cfg.Method != AuthClientCertificate || cfg.MethodFrom != "ARM_CLIENT_CERTIFICATE" {
					t.Errorf("got %s from %s", cfg.Method, cfg.MethodFrom)
				}
			}},
		{name: "inline certificate that is not base64",
			in:      Settings{TenantID: ptr("t"), ClientID: ptr("c"), ClientCertificate: ptr("not base64!")},
			wantErr: "must be the base64 encoding of a PKCS#12 (.pfx) or PEM file", wantAttr: "client_certificate"},
		{name: "inline certificate and certificate path in the block",
			in:      Settings{TenantID: ptr("t"), ClientID: ptr("c"), ClientCertificate: ptr(inline), ClientCertificatePath: ptr("/x.pfx")},
			wantErr: "Both client_certificate and client_certificate_path are set (in the provider block)", wantAttr: "client_certificate_path"},
		{name: "client id from a file",
			in: Settings{TenantID: ptr("t"), ClientSecret: ptr("s"), ClientIDFilePath: ptr(clientIDFile)},
			check: func(t *testing.T, cfg Config) {
				if cfg.ClientID != "file-client" {
					t.Errorf("client id %q, want the file's without whitespace", cfg.ClientID)
				}
			}},
		{name: "client_id in the block beats ARM_CLIENT_ID_FILE_PATH",
			in:  Settings{TenantID: ptr("t"), ClientID: ptr("block-client"), ClientSecret: ptr("s")},
			env: map[string]string{"ARM_CLIENT_ID_FILE_PATH": clientIDFile},
			check: func(t *testing.T, cfg Config) {
				if cfg.ClientID != "block-client" {
					t.Errorf("client id %q, want block-client", cfg.ClientID)
				}
			}},
		{name: "client id file missing",
			in:      Settings{TenantID: ptr("t"), ClientSecret: ptr("s"), ClientIDFilePath: ptr(filepath.Join(dir, "nope"))},
			wantErr: "Client id file unreadable", wantAttr: "client_id_file_path"},
		{name: "AKS workload identity from what the webhook injects", env: aks,
			check: func(t *testing.T, cfg Config) {
				if cfg.Method != AuthAKSWorkloadIdentity || cfg.TenantID != "aks-tenant" || cfg.ClientID != "aks-client" || cfg.OIDC.TokenFile != tokenFile {
					t.Errorf("got %s, tenant %q, client %q, token file %q", cfg.Method, cfg.TenantID, cfg.ClientID, cfg.OIDC.TokenFile)
				}
			}},
		{name: "AKS workload identity: ARM_TENANT_ID and ARM_CLIENT_ID beat AZURE_*",
			env: func() map[string]string {
				m := without(aks, "")
				m["ARM_TENANT_ID"], m["ARM_CLIENT_ID"] = "arm-tenant", "arm-client"
				return m
			}(),
			check: func(t *testing.T, cfg Config) {
				if cfg.TenantID != "arm-tenant" || cfg.ClientID != "arm-client" {
					t.Errorf("tenant %q, client %q; want the ARM_* values", cfg.TenantID, cfg.ClientID)
				}
			}},
		{name: "AKS workload identity without the token file", env: without(aks, "AZURE_FEDERATED_TOKEN_FILE"),
			wantErr: "AZURE_FEDERATED_TOKEN_FILE is not set", wantAttr: "use_aks_workload_identity"},
		{name: "AKS workload identity without a client id", env: without(aks, "AZURE_CLIENT_ID"),
			wantErr: "needs client_id (or ARM_CLIENT_ID, ARM_CLIENT_ID_FILE_PATH, AZURE_CLIENT_ID)", wantAttr: "client_id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Resolve(tt.in, envOf(tt.env))
			if tt.wantErr != "" {
				var ce *ConfigError
				if !errors.As(err, &ce) || !strings.Contains(ce.Error(), tt.wantErr) || ce.Attribute != tt.wantAttr {
					t.Fatalf("want a ConfigError on %s containing %q, got %v", tt.wantAttr, tt.wantErr, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			tt.check(t, cfg)
		})
	}
}

func writeTemp(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// selfSignedPEM is a certificate and its key as one PEM file.
func selfSignedPEM(t *testing.T) []byte {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "industrydata test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	return append(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER})...)
}
