package fakegraph

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// The identity side: what azidentity's client-credential flows call when
// this server is their authority host (with DisableInstanceDiscovery; MSAL
// sends instance discovery for unknown hosts to login.microsoftonline.com).

const (
	endpointOpenIDConfig = "openid-configuration"
	endpointToken        = "token"

	tokenLifetime = time.Hour
	jwtBearerType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
)

// parseIdentityPath recognises the identity endpoints and their tenant.
func parseIdentityPath(p string) (tenant, endpoint string) {
	segs := strings.Split(strings.TrimPrefix(p, "/"), "/")
	switch {
	case len(segs) == 4 && segs[1] == "v2.0" && segs[2] == ".well-known" && segs[3] == "openid-configuration":
		return segs[0], endpointOpenIDConfig
	case len(segs) == 4 && segs[1] == "oauth2" && segs[2] == "v2.0" && segs[3] == "token":
		return segs[0], endpointToken
	}
	return "", ""
}

func isIdentityPath(p string) bool {
	_, endpoint := parseIdentityPath(p)
	return endpoint != ""
}

func (s *Server) serveIdentity(w http.ResponseWriter, r *http.Request, body []byte, bodyErr error) {
	h := w.Header()
	h.Set("x-ms-request-id", newGUID())
	// Entra echoes the client's request id as the correlation id.
	h.Set("client-request-id", cmpOr(r.Header.Get("client-request-id"), newGUID()))
	h.Set("Cache-Control", "no-store, no-cache")

	tenant, endpoint := parseIdentityPath(r.URL.Path)
	var fail *entraFailure
	switch endpoint {
	case endpointOpenIDConfig:
		fail = s.openIDConfiguration(w, r, tenant)
	case endpointToken:
		if bodyErr != nil {
			fail = &entraFailure{http.StatusBadRequest, "invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'."}
		} else {
			fail = s.token(w, r, tenant, body)
		}
	}
	if fail != nil {
		s.writeEntraError(w, *fail)
	}
}

// entraFailure is an error answer of the identity platform.
type entraFailure struct {
	status int
	err    string // OAuth error code
	code   int    // AADSTS number
	msg    string
}

type entraErrorJSON struct {
	Error         string `json:"error"`
	Description   string `json:"error_description"`
	Codes         []int  `json:"error_codes"`
	Timestamp     string `json:"timestamp"`
	TraceID       string `json:"trace_id"`
	CorrelationID string `json:"correlation_id"`
	ErrorURI      string `json:"error_uri"`
}

func (s *Server) writeEntraError(w http.ResponseWriter, f entraFailure) {
	h := w.Header()
	trace, corr := h.Get("x-ms-request-id"), h.Get("client-request-id")
	ts := s.now().UTC().Format("2006-01-02 15:04:05Z")
	writeJSON(w, f.status, contentTypeIdentity, entraErrorJSON{
		Error:         f.err,
		Description:   fmt.Sprintf("AADSTS%d: %s\r\nTrace ID: %s\r\nCorrelation ID: %s\r\nTimestamp: %s", f.code, f.msg, trace, corr, ts),
		Codes:         []int{f.code},
		Timestamp:     ts,
		TraceID:       trace,
		CorrelationID: corr,
		ErrorURI:      fmt.Sprintf("https://login.microsoftonline.com/error?code=%d", f.code), // Entra's public error page
	})
}

func (s *Server) knownTenant(tenant string) bool { return strings.EqualFold(tenant, s.tenantID) }

func unknownTenant(oauthErr, tenant string) *entraFailure {
	return &entraFailure{http.StatusBadRequest, oauthErr, 90002, fmt.Sprintf(
		"Tenant '%s' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.", tenant)}
}

// openIDConfiguration answers the tenant's discovery document; every
// endpoint in it points back at this server (MSAL requires the issuer to
// be on the authority's host).
func (s *Server) openIDConfiguration(w http.ResponseWriter, r *http.Request, tenant string) *entraFailure {
	if !s.knownTenant(tenant) {
		return unknownTenant("invalid_tenant", tenant)
	}
	base := baseURL(r)
	tenantURL := base + "/" + tenant
	writeJSON(w, http.StatusOK, contentTypeIdentity, map[string]any{
		"token_endpoint":                        tenantURL + "/oauth2/v2.0/token",
		"token_endpoint_auth_methods_supported": []string{"client_secret_post", "private_key_jwt", "client_secret_basic"},
		"jwks_uri":                              tenantURL + "/discovery/v2.0/keys",
		"response_modes_supported":              []string{"query", "fragment", "form_post"},
		"subject_types_supported":               []string{"pairwise"},
		"id_token_signing_alg_values_supported": []string{"RS256"},
		"response_types_supported":              []string{"code", "id_token", "code id_token", "id_token token"},
		"scopes_supported":                      []string{"openid", "profile", "email", "offline_access"},
		"issuer":                                tenantURL + "/v2.0",
		"request_uri_parameter_supported":       false,
		"userinfo_endpoint":                     base + "/oidc/userinfo",
		"authorization_endpoint":                tenantURL + "/oauth2/v2.0/authorize",
		"device_authorization_endpoint":         tenantURL + "/oauth2/v2.0/devicecode",
		"http_logout_supported":                 true,
		"frontchannel_logout_supported":         true,
		"end_session_endpoint":                  tenantURL + "/oauth2/v2.0/logout",
		"claims_supported":                      []string{"sub", "iss", "cloud_instance_name", "cloud_instance_host_name", "cloud_graph_host_name", "msgraph_host", "aud", "exp", "iat", "auth_time", "acr", "nonce", "preferred_username", "name", "tid", "ver", "at_hash", "c_hash", "email"},
		"kerberos_endpoint":                     tenantURL + "/kerberos",
		"tenant_region_scope":                   "NA",
		"cloud_instance_name":                   "microsoftonline.com",
		"cloud_graph_host_name":                 "graph.windows.net",
		"msgraph_host":                          r.Host,
		"rbac_url":                              "https://pas.windows.net",
	})
	return nil
}

type tokenJSON struct {
	TokenType    string `json:"token_type"`
	ExpiresIn    int    `json:"expires_in"`
	ExtExpiresIn int    `json:"ext_expires_in"`
	AccessToken  string `json:"access_token"`
}

// token is the client-credentials grant, with Entra's errors in Entra's
// order: request shape, tenant, client, client credential, scope.
func (s *Server) token(w http.ResponseWriter, r *http.Request, tenant string, body []byte) *entraFailure {
	if r.Method != http.MethodPost {
		return &entraFailure{http.StatusBadRequest, "invalid_request", 900561, fmt.Sprintf("The endpoint only accepts POST requests. Received a %s request.", r.Method)}
	}
	if !s.knownTenant(tenant) {
		return unknownTenant("invalid_request", tenant)
	}
	form, _ := url.ParseQuery(string(body)) // an unreadable form reads as missing parameters
	clientID, secret := form.Get("client_id"), form.Get("client_secret")
	if user, pass, ok := r.BasicAuth(); ok { // client_secret_basic
		clientID, secret = formUnescape(user), formUnescape(pass)
	}
	for _, p := range []struct{ name, value string }{{"grant_type", form.Get("grant_type")}, {"client_id", clientID}, {"scope", form.Get("scope")}} {
		if p.value == "" {
			return missingParameter("'" + p.name + "'")
		}
	}
	if gt := form.Get("grant_type"); gt != "client_credentials" {
		return &entraFailure{http.StatusBadRequest, "unsupported_grant_type", 70003, fmt.Sprintf("The app requested an unsupported grant type '%s'.", gt)}
	}
	if !strings.EqualFold(clientID, s.clientID) {
		return &entraFailure{http.StatusBadRequest, "unauthorized_client", 700016, fmt.Sprintf(
			"Application with identifier '%s' was not found in the directory '%s'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.", clientID, tenant)}
	}
	if fail := s.checkClientCredential(form, secret); fail != nil {
		return fail
	}
	if scope := form.Get("scope"); !isClientCredentialScope(scope) {
		return &entraFailure{http.StatusBadRequest, "invalid_scope", 1002012, fmt.Sprintf(
			"The provided value for scope %s is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).", scope)}
	}
	// Assumption: any resource's /.default is granted (real Entra checks that
	// the resource exists); the fake's tokens are good for its Graph only.
	writeJSON(w, http.StatusOK, contentTypeIdentity, tokenJSON{
		TokenType:    "Bearer",
		ExpiresIn:    int(tokenLifetime / time.Second),
		ExtExpiresIn: int(tokenLifetime / time.Second),
		AccessToken:  s.IssueToken(),
	})
	return nil
}

// isClientCredentialScope accepts one resource's /.default scope. MSAL adds
// the OpenID scopes (openid profile offline_access) to every request; Entra
// ignores them for this grant, and so does the fake.
func isClientCredentialScope(scope string) bool {
	var resources []string
	for _, sc := range strings.Fields(scope) {
		switch sc {
		case "openid", "profile", "offline_access", "email":
		default:
			resources = append(resources, sc)
		}
	}
	return len(resources) == 1 && strings.HasSuffix(resources[0], "/.default")
}

func missingParameter(name string) *entraFailure {
	return &entraFailure{http.StatusBadRequest, "invalid_request", 900144, fmt.Sprintf("The request body must contain the following parameter: %s.", name)}
}

// checkClientCredential accepts the configured secret, or a client
// assertion (certificate credential). Assumption: the assertion's
// signature and claims are not verified; it must only be a three-part JWT
// of the jwt-bearer type.
func (s *Server) checkClientCredential(form url.Values, secret string) *entraFailure {
	assertion := form.Get("client_assertion")
	switch {
	case assertion != "":
		return checkAssertion(form.Get("client_assertion_type"), assertion)
	case secret == "":
		return &entraFailure{http.StatusUnauthorized, "invalid_client", 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."}
	case secret != s.clientSecret:
		return &entraFailure{http.StatusUnauthorized, "invalid_client", 7000215, fmt.Sprintf(
			"Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '%s'.", s.clientID)}
	}
	return nil
}

func checkAssertion(assertionType, assertion string) *entraFailure {
	if assertionType == "" {
		return missingParameter("'client_assertion_type'")
	}
	if assertionType != jwtBearerType {
		// Assumption: the message; Entra's exact one for this case is not in the reference.
		return &entraFailure{http.StatusBadRequest, "invalid_request", 50027, fmt.Sprintf("JWT token is invalid or malformed: client_assertion_type must be '%s', not '%s'.", jwtBearerType, assertionType)}
	}
	parts := strings.Split(assertion, ".")
	if len(parts) != 3 || parts[0] == "" || parts[1] == "" || parts[2] == "" {
		return &entraFailure{http.StatusBadRequest, "invalid_request", 50027, "JWT token is invalid or malformed."}
	}
	return nil
}

// formUnescape undoes the form encoding RFC 6749 applies to Basic credentials.
func formUnescape(s string) string {
	if u, err := url.QueryUnescape(s); err == nil {
		return u
	}
	return s
}

// IssueToken returns a valid bearer token without going through the token
// endpoint. Tokens expire after an hour of the server's clock.
func (s *Server) IssueToken() string {
	token := randomString(32)
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	for t, expiry := range s.tokens { // forget long-expired tokens; recent ones still answer "expired"
		if now.Sub(expiry) > 24*time.Hour {
			delete(s.tokens, t)
		}
	}
	s.tokens[token] = now.Add(tokenLifetime)
	s.issued = append(s.issued, token)
	return token
}

// IssuedTokens lists every access token the server has issued, so tests can
// check that none of them shows up in logs or state.
func (s *Server) IssuedTokens() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.issued...)
}
