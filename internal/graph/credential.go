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
// shortly before they expire.
func newCredential(cfg Config, httpClient *http.Client) (azcore.TokenCredential, error) {
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

// request asks a CI system (GitHub Actions' protocol) for an ID token.
func (a oidcAssertion) request(ctx context.Context) (string, error) {
	u, err := url.Parse(a.source.RequestURL)
	if err != nil {
		return "", fmt.Errorf("OIDC request URL: %w", err)
	}
	q := u.Query()
	q.Set("audience", oidcAudience)
	u.RawQuery = q.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return "", err
	}
	req.Header.Set("Authorization", "Bearer "+a.source.RequestToken)
	req.Header.Set("Accept", "application/json")
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
		return "", fmt.Errorf("requesting OIDC token: HTTP %d", resp.StatusCode)
	}
	var out struct {
		Value string `json:"value"`
	}
	if err := json.Unmarshal(body, &out); err != nil || out.Value == "" {
		return "", fmt.Errorf("OIDC token response holds no token")
	}
	return out.Value, nil
}
