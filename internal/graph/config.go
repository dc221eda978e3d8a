package graph

import (
	"fmt"
	"net"
	"net/url"
	"os"
	"sort"
	"strings"
)

// Settings are the connection settings as the user wrote them in the provider
// block. A nil field was not set there and falls back to its environment
// variable. The graph package knows nothing of Terraform: the provider copies
// its configuration into this struct and nothing else.
type Settings struct {
	TenantID                  *string
	ClientID                  *string
	ClientSecret              *string
	ClientSecretFilePath      *string
	ClientCertificatePath     *string
	ClientCertificatePassword *string
	UseOIDC                   *bool
	OIDCToken                 *string
	OIDCTokenFilePath         *string
	OIDCRequestToken          *string
	OIDCRequestURL            *string
	UseMSI                    *bool
	UseCLI                    *bool
	AccessToken               *string
	Environment               *string
	GraphEndpoint             *string
	AuthorityHost             *string
}

// AuthMethod names the one way the provider obtains tokens.
type AuthMethod string

// The authentication methods, in order of precedence (see MethodPrecedence).
const (
	AuthAccessToken       AuthMethod = "access_token"
	AuthClientCertificate AuthMethod = "client_certificate"
	AuthClientSecret      AuthMethod = "client_secret"
	AuthOIDC              AuthMethod = "oidc"
	AuthManagedIdentity   AuthMethod = "managed_identity"
	AuthAzureCLI          AuthMethod = "azure_cli"
)

// MethodPrecedence is the order in which methods are picked when several are
// enabled only through environment variables. Methods enabled in the provider
// block always win over those enabled by the environment.
var MethodPrecedence = []AuthMethod{
	AuthAccessToken, AuthClientCertificate, AuthClientSecret, AuthOIDC, AuthManagedIdentity, AuthAzureCLI,
}

// Config is the resolved configuration: one authentication method, with
// everything it needs, and the endpoints to talk to.
type Config struct {
	Method      AuthMethod
	MethodFrom  string // "configuration" or the environment variable that chose Method
	TenantID    string
	ClientID    string
	Secret      string // client secret, certificate password or access token, by Method
	Certificate []byte // PEM or PKCS#12 contents, for AuthClientCertificate
	OIDC        OIDCSource

	Environment   Environment
	GraphEndpoint *url.URL // base URL including the version segment, e.g. https://graph.microsoft.com/beta
	AuthorityHost *url.URL // identity platform host, e.g. https://login.microsoftonline.com/
	Scope         string   // token scope, e.g. https://graph.microsoft.com/.default
	// CustomAuthority is true when AuthorityHost was set explicitly: instance
	// discovery only works against Microsoft's own hosts.
	CustomAuthority bool
}

// OIDCSource says where the federated (OIDC) token comes from; exactly one is set.
type OIDCSource struct {
	Token        string
	TokenFile    string
	RequestToken string
	RequestURL   string
}

// ConfigError is a problem with the settings, found before any request. It
// names the provider attribute it is about, so it can be shown next to it.
type ConfigError struct {
	Attribute string
	Summary   string
	Detail    string
}

func (e *ConfigError) Error() string { return e.Summary + ": " + e.Detail }

// Environment variables read when an attribute is not set in the provider block.
// The first name listed wins when several are set.
var settingEnv = map[string][]string{
	"tenant_id":                   {"ARM_TENANT_ID"},
	"client_id":                   {"ARM_CLIENT_ID"},
	"client_secret":               {"ARM_CLIENT_SECRET"},
	"client_secret_file_path":     {"ARM_CLIENT_SECRET_FILE_PATH"},
	"client_certificate_path":     {"ARM_CLIENT_CERTIFICATE_PATH"},
	"client_certificate_password": {"ARM_CLIENT_CERTIFICATE_PASSWORD"},
	"use_oidc":                    {"ARM_USE_OIDC"},
	"oidc_token":                  {"ARM_OIDC_TOKEN"},
	"oidc_token_file_path":        {"ARM_OIDC_TOKEN_FILE_PATH"},
	"oidc_request_token":          {"ARM_OIDC_REQUEST_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_TOKEN"},
	"oidc_request_url":            {"ARM_OIDC_REQUEST_URL", "ACTIONS_ID_TOKEN_REQUEST_URL"},
	"use_msi":                     {"ARM_USE_MSI"},
	"use_cli":                     {"ARM_USE_CLI"},
	"access_token":                {"INDUSTRYDATA_ACCESS_TOKEN"},
	"environment":                 {"ARM_ENVIRONMENT"},
	"graph_endpoint":              {"INDUSTRYDATA_GRAPH_ENDPOINT"},
	"authority_host":              {"INDUSTRYDATA_AUTHORITY_HOST"},
}

// EnvVars returns the environment variables that feed an attribute, for docs.
func EnvVars(attribute string) []string { return settingEnv[attribute] }

// setting is one resolved value and where it came from.
type setting struct {
	value string
	from  string // "configuration", an environment variable name, or "" when unset
}

func (s setting) set() bool { return s.from != "" }

type resolver struct{ getenv func(string) string }

func (r resolver) str(attribute string, explicit *string) setting {
	if explicit != nil {
		return setting{value: *explicit, from: "configuration"}
	}
	for _, name := range settingEnv[attribute] {
		if v := r.getenv(name); v != "" {
			return setting{value: v, from: name}
		}
	}
	return setting{}
}

func (r resolver) flag(attribute string, explicit *bool) (bool, setting, error) {
	if explicit != nil {
		return *explicit, setting{value: fmt.Sprint(*explicit), from: "configuration"}, nil
	}
	s := r.str(attribute, nil)
	if !s.set() {
		return false, s, nil
	}
	switch strings.ToLower(s.value) {
	case "true", "1":
		return true, s, nil
	case "false", "0":
		return false, s, nil
	}
	return false, s, &ConfigError{
		Attribute: attribute,
		Summary:   "Invalid boolean in environment",
		Detail:    fmt.Sprintf("%s is %q; use true or false.", s.from, s.value),
	}
}

// Resolve combines the provider block with the environment (explicit settings
// win), picks exactly one authentication method and checks that it is complete.
// getenv is os.Getenv outside tests. It reads certificate and secret files, but
// sends no request.
func Resolve(in Settings, getenv func(string) string) (Config, error) {
	r := resolver{getenv: getenv}
	var cfg Config

	env, err := resolveEnvironment(r.str("environment", in.Environment))
	if err != nil {
		return cfg, err
	}
	cfg.Environment = env
	cfg.Scope = "https://" + env.GraphHost + "/.default"

	if cfg.GraphEndpoint, err = resolveEndpoint("graph_endpoint", r.str("graph_endpoint", in.GraphEndpoint), "https://"+env.GraphHost+"/beta", true); err != nil {
		return cfg, err
	}
	authority := r.str("authority_host", in.AuthorityHost)
	cfg.CustomAuthority = authority.set()
	if cfg.AuthorityHost, err = resolveEndpoint("authority_host", authority, "https://"+env.AuthorityHost+"/", false); err != nil {
		return cfg, err
	}

	if err := resolveAuth(r, in, &cfg); err != nil {
		return cfg, err
	}
	return cfg, nil
}

// candidate is an authentication method some setting asks for.
type candidate struct {
	method AuthMethod
	by     setting
	attr   string
}

func resolveAuth(r resolver, in Settings, cfg *Config) error {
	var candidates []candidate
	add := func(m AuthMethod, attr string, s setting, on bool) {
		if on {
			candidates = append(candidates, candidate{method: m, by: s, attr: attr})
		}
	}
	accessToken := r.str("access_token", in.AccessToken)
	add(AuthAccessToken, "access_token", accessToken, accessToken.value != "")
	certPath := r.str("client_certificate_path", in.ClientCertificatePath)
	add(AuthClientCertificate, "client_certificate_path", certPath, certPath.value != "")
	secret := r.str("client_secret", in.ClientSecret)
	secretFile := r.str("client_secret_file_path", in.ClientSecretFilePath)
	// The secret and its file are one method; the one set in the provider
	// block (if any) is the one that says where the method was chosen.
	switch {
	case secret.value != "" && (secret.from == "configuration" || secretFile.from != "configuration"):
		add(AuthClientSecret, "client_secret", secret, true)
	case secretFile.value != "":
		add(AuthClientSecret, "client_secret_file_path", secretFile, true)
	}
	for _, f := range []struct {
		method   AuthMethod
		attr     string
		explicit *bool
	}{{AuthOIDC, "use_oidc", in.UseOIDC}, {AuthManagedIdentity, "use_msi", in.UseMSI}, {AuthAzureCLI, "use_cli", in.UseCLI}} {
		on, s, err := r.flag(f.attr, f.explicit)
		if err != nil {
			return err
		}
		add(f.method, f.attr, s, on)
	}

	chosen, err := chooseMethod(candidates)
	if err != nil {
		return err
	}
	cfg.Method = chosen.method
	cfg.MethodFrom = chosen.by.from
	cfg.TenantID = r.str("tenant_id", in.TenantID).value
	cfg.ClientID = r.str("client_id", in.ClientID).value

	switch chosen.method {
	case AuthAccessToken:
		cfg.Secret = accessToken.value
		return nil
	case AuthClientCertificate:
		return resolveCertificate(r, in, cfg, certPath)
	case AuthClientSecret:
		if chosen.attr == "client_secret_file_path" {
			secret = setting{} // the block's file beats a secret from the environment
		}
		return resolveSecret(cfg, secret, secretFile)
	case AuthOIDC:
		return resolveOIDC(r, in, cfg)
	case AuthAzureCLI, AuthManagedIdentity:
		return nil
	}
	return nil
}

// chooseMethod applies the documented precedence: a method enabled in the
// provider block beats any enabled only by the environment; two enabled in the
// provider block are ambiguous; among environment-only methods the order of
// MethodPrecedence decides, because CI systems often export several.
func chooseMethod(candidates []candidate) (candidate, error) {
	var explicit []candidate
	for _, c := range candidates {
		if c.by.from == "configuration" {
			explicit = append(explicit, c)
		}
	}
	switch {
	case len(explicit) > 1:
		names := make([]string, len(explicit))
		for i, c := range explicit {
			names[i] = c.attr
		}
		return candidate{}, &ConfigError{
			Attribute: explicit[1].attr,
			Summary:   "Ambiguous authentication settings",
			Detail: fmt.Sprintf("The provider block enables more than one authentication method (%s). Configure exactly one.",
				strings.Join(names, ", ")),
		}
	case len(explicit) == 1:
		return explicit[0], nil
	}
	if len(candidates) == 0 {
		return candidate{}, &ConfigError{
			Summary: "No authentication method configured",
			Detail: "Set one of: access_token (INDUSTRYDATA_ACCESS_TOKEN); client_certificate_path (ARM_CLIENT_CERTIFICATE_PATH); " +
				"client_secret (ARM_CLIENT_SECRET, ARM_CLIENT_SECRET_FILE_PATH); use_oidc = true (ARM_USE_OIDC); " +
				"use_msi = true (ARM_USE_MSI); use_cli = true (ARM_USE_CLI).",
		}
	}
	sort.SliceStable(candidates, func(i, j int) bool {
		return precedence(candidates[i].method) < precedence(candidates[j].method)
	})
	return candidates[0], nil
}

func precedence(m AuthMethod) int {
	for i, p := range MethodPrecedence {
		if p == m {
			return i
		}
	}
	return len(MethodPrecedence)
}

func requireTenantAndClient(cfg *Config, method string) error {
	for _, req := range []struct{ attr, value string }{{"tenant_id", cfg.TenantID}, {"client_id", cfg.ClientID}} {
		if req.value == "" {
			return &ConfigError{
				Attribute: req.attr,
				Summary:   "Incomplete authentication settings",
				Detail: fmt.Sprintf("%s authentication needs %s (or %s), which is not set.",
					method, req.attr, strings.Join(settingEnv[req.attr], ", ")),
			}
		}
	}
	return nil
}

func resolveSecret(cfg *Config, secret, secretFile setting) error {
	if err := requireTenantAndClient(cfg, "Client secret"); err != nil {
		return err
	}
	if secret.value != "" && secretFile.value != "" && secret.from == secretFile.from {
		return &ConfigError{
			Attribute: "client_secret_file_path",
			Summary:   "Ambiguous client secret",
			Detail:    "Both client_secret and client_secret_file_path are set; set only one.",
		}
	}
	if secret.value != "" {
		cfg.Secret = secret.value
		return nil
	}
	data, err := os.ReadFile(secretFile.value)
	if err != nil {
		return &ConfigError{
			Attribute: "client_secret_file_path",
			Summary:   "Client secret file unreadable",
			Detail:    fmt.Sprintf("Reading %q (from %s): %v.", secretFile.value, secretFile.from, err),
		}
	}
	cfg.Secret = strings.TrimSpace(string(data))
	if cfg.Secret == "" {
		return &ConfigError{
			Attribute: "client_secret_file_path",
			Summary:   "Client secret file empty",
			Detail:    fmt.Sprintf("%q (from %s) holds no secret.", secretFile.value, secretFile.from),
		}
	}
	return nil
}

func resolveCertificate(r resolver, in Settings, cfg *Config, path setting) error {
	if err := requireTenantAndClient(cfg, "Client certificate"); err != nil {
		return err
	}
	data, err := os.ReadFile(path.value)
	if err != nil {
		return &ConfigError{
			Attribute: "client_certificate_path",
			Summary:   "Client certificate unreadable",
			Detail:    fmt.Sprintf("Reading %q (from %s): %v.", path.value, path.from, err),
		}
	}
	cfg.Certificate = data
	cfg.Secret = r.str("client_certificate_password", in.ClientCertificatePassword).value
	// Parse now so that a wrong password or a file without a key is a
	// configuration error, not a failure on the first request.
	if _, _, err := parseCertificate(cfg.Certificate, cfg.Secret); err != nil {
		return &ConfigError{
			Attribute: "client_certificate_path",
			Summary:   "Client certificate unusable",
			Detail:    fmt.Sprintf("%q (from %s): %v. It must be a PEM or PKCS#12 file holding the certificate and its private key; client_certificate_password must match.", path.value, path.from, err),
		}
	}
	return nil
}

func resolveOIDC(r resolver, in Settings, cfg *Config) error {
	if err := requireTenantAndClient(cfg, "OIDC"); err != nil {
		return err
	}
	token := r.str("oidc_token", in.OIDCToken)
	file := r.str("oidc_token_file_path", in.OIDCTokenFilePath)
	reqToken := r.str("oidc_request_token", in.OIDCRequestToken)
	reqURL := r.str("oidc_request_url", in.OIDCRequestURL)
	switch {
	case token.value != "":
		cfg.OIDC.Token = token.value
	case file.value != "":
		if _, err := os.Stat(file.value); err != nil {
			return &ConfigError{
				Attribute: "oidc_token_file_path",
				Summary:   "OIDC token file unreadable",
				Detail:    fmt.Sprintf("%q (from %s): %v.", file.value, file.from, err),
			}
		}
		cfg.OIDC.TokenFile = file.value
	case reqToken.value != "" && reqURL.value != "":
		cfg.OIDC.RequestToken, cfg.OIDC.RequestURL = reqToken.value, reqURL.value
	default:
		return &ConfigError{
			Attribute: "use_oidc",
			Summary:   "Incomplete OIDC settings",
			Detail: "use_oidc is true but no OIDC token source is set: set oidc_token (ARM_OIDC_TOKEN), " +
				"oidc_token_file_path (ARM_OIDC_TOKEN_FILE_PATH), or both oidc_request_token and oidc_request_url " +
				"(ARM_OIDC_REQUEST_TOKEN/URL, or GitHub Actions' ACTIONS_ID_TOKEN_REQUEST_TOKEN/URL).",
		}
	}
	return nil
}

// resolveEndpoint parses a base URL setting. Plain http is allowed only for
// loopback hosts (a local fake or proxy): anything else would send bearer
// tokens in clear text.
func resolveEndpoint(attribute string, s setting, fallback string, allowHTTPLoopback bool) (*url.URL, error) {
	raw := s.value
	if !s.set() || raw == "" {
		raw = fallback
	}
	u, err := url.Parse(raw)
	bad := func(why string) error {
		return &ConfigError{
			Attribute: attribute,
			Summary:   "Invalid " + attribute,
			Detail:    fmt.Sprintf("%q (from %s) %s", raw, s.from, why),
		}
	}
	if err != nil || u.Host == "" || u.Opaque != "" {
		return nil, bad("is not an absolute URL such as https://graph.microsoft.com/beta.")
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return nil, bad("must not carry a query, fragment or user information.")
	}
	switch u.Scheme {
	case "https":
	case "http":
		if !allowHTTPLoopback {
			return nil, bad("must use https: the identity platform client refuses plain http.")
		}
		if !IsLoopback(u.Hostname()) {
			return nil, bad("uses plain http with a host that is not loopback; use https (http is accepted only for 127.0.0.0/8, ::1 and localhost).")
		}
	default:
		return nil, bad("must use https (or http for a loopback host).")
	}
	u.Path = strings.TrimSuffix(u.Path, "/")
	if attribute == "authority_host" {
		u.Path += "/"
	}
	return u, nil
}

// IsLoopback reports whether host names this machine only.
func IsLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
