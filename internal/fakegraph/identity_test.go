package fakegraph

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestOpenIDConfiguration(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, Options{})

	res := send(t, s.Client(), mustRequest(t, http.MethodGet, s.URL()+"/"+s.TenantID()+"/v2.0/.well-known/openid-configuration"))
	if res.status != http.StatusOK {
		t.Fatalf("status %d: %s", res.status, res.body)
	}
	doc := res.object(t)
	tenantURL := s.URL() + "/" + s.TenantID()
	for key, want := range map[string]string{
		"token_endpoint":         tenantURL + "/oauth2/v2.0/token",
		"authorization_endpoint": tenantURL + "/oauth2/v2.0/authorize",
		"issuer":                 tenantURL + "/v2.0",
	} {
		if doc[key] != want {
			t.Errorf("%s = %v, want %s", key, doc[key], want)
		}
	}

	res = send(t, s.Client(), mustRequest(t, http.MethodGet, s.URL()+"/not-my-tenant/v2.0/.well-known/openid-configuration"))
	body := res.object(t)
	if res.status != http.StatusBadRequest || body["error"] != "invalid_tenant" ||
		!strings.HasPrefix(body["error_description"].(string), "AADSTS90002: Tenant 'not-my-tenant' not found") {
		t.Errorf("unknown tenant: %d %s", res.status, res.body)
	}
}

func TestTokenEndpoint(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, Options{ClientSecret: "s3cret"})
	const scope = "https://graph.microsoft.com/.default"
	good := func(edit func(url.Values)) url.Values {
		f := url.Values{"grant_type": {"client_credentials"}, "client_id": {s.ClientID()}, "client_secret": {"s3cret"}, "scope": {scope}}
		if edit != nil {
			edit(f)
		}
		return f
	}
	const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl"

	tests := []struct {
		name      string
		form      url.Values
		status    int
		errCode   string // OAuth "error"; "" for success
		aadstsNum string
	}{
		{"good secret", good(nil), 200, "", ""},
		{"good certificate assertion", good(func(f url.Values) {
			f.Del("client_secret")
			f.Set("client_assertion_type", jwtBearerType)
			f.Set("client_assertion", jwt)
		}), 200, "", ""},
		{"bad secret", good(func(f url.Values) { f.Set("client_secret", "wrong") }), 401, "invalid_client", "7000215"},
		{"unknown client", good(func(f url.Values) { f.Set("client_id", "99999999-9999-9999-9999-999999999999") }), 400, "unauthorized_client", "700016"},
		{"no secret", good(func(f url.Values) { f.Del("client_secret") }), 401, "invalid_client", "7000218"},
		{"no grant_type", good(func(f url.Values) { f.Del("grant_type") }), 400, "invalid_request", "900144"},
		{"no client_id", good(func(f url.Values) { f.Del("client_id") }), 400, "invalid_request", "900144"},
		{"no scope", good(func(f url.Values) { f.Del("scope") }), 400, "invalid_request", "900144"},
		{"MSAL adds the OpenID scopes", good(func(f url.Values) { f.Set("scope", scope+" openid offline_access profile") }), 200, "", ""},
		{"two resources", good(func(f url.Values) { f.Set("scope", scope+" https://management.azure.com/.default") }), 400, "invalid_scope", "1002012"},
		{"scope without /.default", good(func(f url.Values) { f.Set("scope", "https://graph.microsoft.com/User.Read") }), 400, "invalid_scope", "1002012"},
		{"other grant", good(func(f url.Values) { f.Set("grant_type", "password") }), 400, "unsupported_grant_type", "70003"},
		{"malformed assertion", good(func(f url.Values) {
			f.Del("client_secret")
			f.Set("client_assertion_type", jwtBearerType)
			f.Set("client_assertion", "not-a-jwt")
		}), 400, "invalid_request", "50027"},
		{"unknown tenant", good(func(f url.Values) { f.Set("tenant", "other-tenant") }), 400, "invalid_request", "90002"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := tokenCall(t, s, tt.form)
			if res.status != tt.status {
				t.Fatalf("status %d, want %d: %s", res.status, tt.status, res.body)
			}
			body := res.object(t)
			if tt.errCode == "" {
				checkTokenWorks(t, s, body)
				return
			}
			desc, _ := body["error_description"].(string)
			if body["error"] != tt.errCode || !strings.HasPrefix(desc, "AADSTS"+tt.aadstsNum+": ") {
				t.Errorf("got error %v %q, want %s AADSTS%s", body["error"], desc, tt.errCode, tt.aadstsNum)
			}
			if strings.Contains(string(res.body), "s3cret") {
				t.Error("error body leaks the secret")
			}
		})
	}
}

func TestTokenEndpointOnlyPost(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, Options{})
	res := send(t, s.Client(), mustRequest(t, http.MethodGet, s.URL()+"/"+s.TenantID()+"/oauth2/v2.0/token"))
	if res.status != http.StatusBadRequest || !strings.Contains(string(res.body), "AADSTS900561") {
		t.Errorf("GET token: %d %s", res.status, res.body)
	}
}

func TestTokenEndpointBasicAuth(t *testing.T) {
	t.Parallel()
	s := newTestServer(t, Options{ClientSecret: "a+b/c=d"})
	req, _ := http.NewRequest(http.MethodPost, s.URL()+"/"+s.TenantID()+"/oauth2/v2.0/token",
		strings.NewReader(url.Values{"grant_type": {"client_credentials"}, "scope": {"https://graph.microsoft.com/.default"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(url.QueryEscape(s.ClientID()), url.QueryEscape(s.ClientSecret()))
	res := send(t, s.Client(), req)
	if res.status != http.StatusOK {
		t.Fatalf("status %d: %s", res.status, res.body)
	}
	checkTokenWorks(t, s, res.object(t))
}

// checkTokenWorks checks a token response and uses the token on Graph.
func checkTokenWorks(t *testing.T, s *Server, body map[string]any) {
	t.Helper()
	token, _ := body["access_token"].(string)
	if body["token_type"] != "Bearer" || body["expires_in"] != 3600.0 || body["ext_expires_in"] != 3600.0 || token == "" {
		t.Fatalf("token response %v", body)
	}
	req := mustRequest(t, http.MethodGet, s.GraphURL()+runsPath)
	req.Header.Set("Authorization", "Bearer "+token)
	if res := send(t, s.Client(), req); res.status != http.StatusOK {
		t.Errorf("Graph with the issued token: %d %s", res.status, res.body)
	}
}

func mustRequest(t *testing.T, method, target string) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, target, nil)
	if err != nil {
		t.Fatal(err)
	}
	return req
}
