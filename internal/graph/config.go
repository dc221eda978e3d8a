package graph

import (
	"encoding/base64"
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
	ClientIDFilePath          *string
	ClientSecret              *string
	ClientSecretFilePath      *string
	ClientCertificate         *string // base64, inline
	ClientCertificatePath     *string
	ClientCertificatePassword *string
	UseOIDC                   *bool
	OIDCToken                 *string
	OIDCTokenFilePath         *string
	OIDCRequestToken          *string
	OIDCRequestURL            *string
	OIDCServiceConnectionID   *string
	UseAKSWorkloadIdentity    *bool
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
	AuthAccessToken         AuthMethod = "access_token"
	AuthClientCertificate   AuthMethod = "client_certificate"
	AuthClientSecret        AuthMethod = "client_secret"
	AuthOIDC                AuthMethod = "oidc"
	AuthAKSWorkloadIdentity AuthMethod = "aks_workload_identity"
	AuthManagedIdentity     AuthMethod = "managed_identity"
	AuthAzureCLI            AuthMethod = "azure_cli"
)

// MethodPrecedence is the order in which methods are picked when several are
// enabled only through environment variables. Methods enabled in the provider
// block always win over those enabled by the environment.
var MethodPrecedence = []AuthMethod{
	AuthAccessToken, AuthClientCertificate, AuthClientSecret, AuthOIDC, AuthAKSWorkloadIdentity, AuthManagedIdentity, AuthAzureCLI,
}

// MethodFromDefault is Config.MethodFrom when no method was configured and
// the provider fell back to the Azure CLI, as the azuread provider does.
const MethodFromDefault = "default"

// Config is the resolved configuration: one authentication method, with
// everything it needs, and the endpoints to talk to.
type Config struct {
	Method      AuthMethod
	MethodFrom  string // "configuration", the environment variable that chose Method, or MethodFromDefault
	TenantID    string
	ClientID    string
	Secret      string // client secret, certificate password or access token, by Method
	Certificate []byte // PEM or PKCS#12 contents, for AuthClientCertificate
	OIDC        OIDCSource
	// Sensitive lists further values no log line may contain (an inline
	// certificate as written).
	Sensitive []string

	Environment   Environment
	GraphEndpoint *url.URL // base URL including the version segment, e.g. https://graph.microsoft.com/beta
	AuthorityHost *url.URL // identity platform host, e.g. https://login.microsoftonline.com/
	Scope         string   // token scope, e.g. https://graph.microsoft.com/.default
	// CustomAuthority is true when AuthorityHost was set explicitly: instance
	// discovery only works against Microsoft's own hosts.
	CustomAuthority bool
}

// OIDCSource says where the federated (OIDC) token comes from: Token,
// TokenFile, or a request to RequestURL with RequestToken (GitHub Actions'
// protocol, or Azure DevOps' when ServiceConnectionID is set).
type OIDCSource struct {
	Token               string
	TokenFile           string
	RequestToken        string
	RequestURL          string
	ServiceConnectionID string
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
	"tenant_id":                        {"ARM_TENANT_ID"},
	"client_id":                        {"ARM_CLIENT_ID"},
	"client_id_file_path":              {"ARM_CLIENT_ID_FILE_PATH"},
	"client_secret":                    {"ARM_CLIENT_SECRET"},
	"client_secret_file_path":          {"ARM_CLIENT_SECRET_FILE_PATH"},
	"client_certificate":               {"ARM_CLIENT_CERTIFICATE"},
	"client_certificate_path":          {"ARM_CLIENT_CERTIFICATE_PATH"},
	"client_certificate_password":      {"ARM_CLIENT_CERTIFICATE_PASSWORD"},
	"use_oidc":                         {"ARM_USE_OIDC"},
	"oidc_token":                       {"ARM_OIDC_TOKEN"},
	"oidc_token_file_path":             {"ARM_OIDC_TOKEN_FILE_PATH"},
	"oidc_request_token":               {"ARM_OIDC_REQUEST_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "SYSTEM_ACCESSTOKEN"},
	"oidc_request_url":                 {"ARM_OIDC_REQUEST_URL", "ACTIONS_ID_TOKEN_REQUEST_URL", "SYSTEM_OIDCREQUESTURI"},
	"oidc_azure_service_connection_id": {"ARM_OIDC_AZURE_SERVICE_CONNECTION_ID", "ARM_ADO_PIPELINE_SERVICE_CONNECTION_ID"},
	"use_aks_workload_identity":        {"ARM_USE_AKS_WORKLOAD_IDENTITY"},
	"use_msi":                          {"ARM_USE_MSI"},
	"use_cli":                          {"ARM_USE_CLI"},
	"access_token":                     {"INDUSTRYDATA_ACCESS_TOKEN"},
	"environment":                      {"ARM_ENVIRONMENT"},
	"graph_endpoint":                   {"INDUSTRYDATA_GRAPH_ENDPOINT"},
	"authority_host":                   {"INDUSTRYDATA_AUTHORITY_HOST"},
}

// aksEnv are the variables Azure Workload Identity's webhook injects into a
// pod; with use_aks_workload_identity they fill in what is not set otherwise.
var aksEnv = map[string]string{
	"tenant_id":            "AZURE_TENANT_ID",
	"client_id":            "AZURE_CLIENT_ID",
	"oidc_token_file_path": "AZURE_FEDERATED_TOKEN_FILE",
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
		Detail:    fmt.Sprintf("%s is %q; use true, false, 1 or 0.", s.from, s.value),
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

// valueOrFile picks between a setting and the one naming a file that holds
// it (client_secret and client_secret_file_path, client_certificate and
// client_certificate_path): the one set in the provider block wins; from the
// same place, the value itself. It returns the attribute chosen.
func valueOrFile(valueAttr string, value setting, fileAttr string, file setting) (string, setting) {
	switch {
	case value.value != "" && (value.from == "configuration" || file.from != "configuration"):
		return valueAttr, value
	case file.value != "":
		return fileAttr, file
	}
	return "", setting{}
}

// bothFromOnePlace rejects a value and its file set in the same place.
func bothFromOnePlace(valueAttr string, value setting, fileAttr string, file setting, what string) error {
	if value.value != "" && file.value != "" && value.from == file.from {
		return &ConfigError{
			Attribute: fileAttr,
			Summary:   "Ambiguous " + what,
			Detail:    fmt.Sprintf("Both %s and %s are set (in %s); set only one.", valueAttr, fileAttr, placeOf(value)),
		}
	}
	return nil
}

func placeOf(s setting) string {
	if s.from == "configuration" {
		return "the provider block"
	}
	return "the environment"
}

func resolveAuth(r resolver, in Settings, cfg *Config) error {
	var candidates []candidate
	add := func(m AuthMethod, attr string, s setting) {
		if attr != "" {
			candidates = append(candidates, candidate{method: m, by: s, attr: attr})
		}
	}
	accessToken := r.str("access_token", in.AccessToken)
	if accessToken.value != "" {
		add(AuthAccessToken, "access_token", accessToken)
	}
	cert := r.str("client_certificate", in.ClientCertificate)
	certPath := r.str("client_certificate_path", in.ClientCertificatePath)
	certAttr, certBy := valueOrFile("client_certificate", cert, "client_certificate_path", certPath)
	add(AuthClientCertificate, certAttr, certBy)
	secret := r.str("client_secret", in.ClientSecret)
	secretFile := r.str("client_secret_file_path", in.ClientSecretFilePath)
	secretAttr, secretBy := valueOrFile("client_secret", secret, "client_secret_file_path", secretFile)
	add(AuthClientSecret, secretAttr, secretBy)
	cliOff := false
	for _, f := range []struct {
		method   AuthMethod
		attr     string
		explicit *bool
	}{
		{AuthOIDC, "use_oidc", in.UseOIDC}, {AuthAKSWorkloadIdentity, "use_aks_workload_identity", in.UseAKSWorkloadIdentity},
		{AuthManagedIdentity, "use_msi", in.UseMSI}, {AuthAzureCLI, "use_cli", in.UseCLI},
	} {
		on, s, err := r.flag(f.attr, f.explicit)
		if err != nil {
			return err
		}
		if on {
			add(f.method, f.attr, s)
		}
		if f.method == AuthAzureCLI && s.set() && !on {
			cliOff = true
		}
	}

	chosen, err := chooseMethod(candidates, cliOff)
	if err != nil {
		return err
	}
	cfg.Method = chosen.method
	cfg.MethodFrom = chosen.by.from
	cfg.TenantID = r.str("tenant_id", in.TenantID).value
	if cfg.ClientID, err = resolveClientID(r, in); err != nil {
		return err
	}

	switch chosen.method {
	case AuthAccessToken:
		cfg.Secret = accessToken.value
	case AuthClientCertificate:
		if err := bothFromOnePlace("client_certificate", cert, "client_certificate_path", certPath, "client certificate"); err != nil {
			return err
		}
		return resolveCertificate(r, in, cfg, chosen)
	case AuthClientSecret:
		if err := bothFromOnePlace("client_secret", secret, "client_secret_file_path", secretFile, "client secret"); err != nil {
			return err
		}
		return resolveSecret(cfg, chosen)
	case AuthOIDC:
		return resolveOIDC(r, in, cfg)
	case AuthAKSWorkloadIdentity:
		return resolveAKSWorkloadIdentity(r, in, cfg)
	}
	return nil
}

// chooseMethod applies the documented precedence: a method enabled in the
// provider block beats any enabled only by the environment; two enabled in the
// provider block are ambiguous; among environment-only methods the order of
// MethodPrecedence decides, because CI systems often export several. With
// none enabled, the Azure CLI is used (the azuread provider's default) unless
// use_cli is set to false.
func chooseMethod(candidates []candidate, cliOff bool) (candidate, error) {
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
		if !cliOff {
			return candidate{method: AuthAzureCLI, attr: "use_cli", by: setting{value: "true", from: MethodFromDefault}}, nil
		}
		return candidate{}, &ConfigError{
			Attribute: "use_cli",
			Summary:   "No authentication method configured",
			Detail: "use_cli is false, which turns off the Azure CLI that the provider uses when nothing else is configured. Set one of: " +
				"access_token (INDUSTRYDATA_ACCESS_TOKEN); client_certificate or client_certificate_path (ARM_CLIENT_CERTIFICATE, ARM_CLIENT_CERTIFICATE_PATH); " +
				"client_secret or client_secret_file_path (ARM_CLIENT_SECRET, ARM_CLIENT_SECRET_FILE_PATH); use_oidc = true (ARM_USE_OIDC); " +
				"use_aks_workload_identity = true (ARM_USE_AKS_WORKLOAD_IDENTITY); use_msi = true (ARM_USE_MSI); or use_cli = true (ARM_USE_CLI).",
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

// resolveClientID reads client_id, or the file client_id_file_path names;
// the one set in the provider block wins.
func resolveClientID(r resolver, in Settings) (string, error) {
	id := r.str("client_id", in.ClientID)
	file := r.str("client_id_file_path", in.ClientIDFilePath)
	if err := bothFromOnePlace("client_id", id, "client_id_file_path", file, "client id"); err != nil {
		return "", err
	}
	attr, chosen := valueOrFile("client_id", id, "client_id_file_path", file)
	if attr != "client_id_file_path" {
		return id.value, nil
	}
	return readSettingFile(attr, chosen, "client id")
}

// readSettingFile reads a file that holds one value, without surrounding whitespace.
func readSettingFile(attr string, file setting, what string) (string, error) {
	data, err := os.ReadFile(file.value)
	if err != nil {
		return "", &ConfigError{
			Attribute: attr,
			Summary:   capitalize(what) + " file unreadable",
			Detail:    fmt.Sprintf("Reading %q (from %s): %v.", file.value, file.from, err),
		}
	}
	value := strings.TrimSpace(string(data))
	if value == "" {
		return "", &ConfigError{
			Attribute: attr,
			Summary:   capitalize(what) + " file empty",
			Detail:    fmt.Sprintf("%q (from %s) holds no %s.", file.value, file.from, what),
		}
	}
	return value, nil
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func requireTenantAndClient(cfg *Config, method string, fallbacks map[string]string) error {
	for _, req := range []struct{ attr, value string }{{"tenant_id", cfg.TenantID}, {"client_id", cfg.ClientID}} {
		if req.value == "" {
			vars := settingEnv[req.attr]
			if req.attr == "client_id" {
				vars = append(append([]string{}, vars...), settingEnv["client_id_file_path"]...)
			}
			if v := fallbacks[req.attr]; v != "" {
				vars = append(append([]string{}, vars...), v)
			}
			return &ConfigError{
				Attribute: req.attr,
				Summary:   "Incomplete authentication settings",
				Detail: fmt.Sprintf("%s authentication needs %s (or %s), which is not set.",
					method, req.attr, strings.Join(vars, ", ")),
			}
		}
	}
	return nil
}

func resolveSecret(cfg *Config, chosen candidate) error {
	if err := requireTenantAndClient(cfg, "Client secret", nil); err != nil {
		return err
	}
	if chosen.attr == "client_secret" {
		cfg.Secret = chosen.by.value
		return nil
	}
	var err error
	cfg.Secret, err = readSettingFile(chosen.attr, chosen.by, "client secret")
	return err
}

func resolveCertificate(r resolver, in Settings, cfg *Config, chosen candidate) error {
	if err := requireTenantAndClient(cfg, "Client certificate", nil); err != nil {
		return err
	}
	source := chosen.by
	if chosen.attr == "client_certificate" {
		data, err := base64.StdEncoding.DecodeString(strings.Join(strings.Fields(source.value), ""))
		if err != nil {
			return &ConfigError{
				Attribute: "client_certificate",
				Summary:   "Client certificate is not base64",
				Detail: fmt.Sprintf("client_certificate (from %s) must be the base64 encoding of a PKCS#12 (.pfx) or PEM file, "+
					"e.g. the output of: base64 -w0 sds-automation.pfx. Decoding failed: %v.", source.from, err),
			}
		}
		cfg.Certificate = data
		cfg.Sensitive = append(cfg.Sensitive, source.value)
	} else {
		data, err := os.ReadFile(source.value)
		if err != nil {
			return &ConfigError{
				Attribute: "client_certificate_path",
				Summary:   "Client certificate unreadable",
				Detail:    fmt.Sprintf("Reading %q (from %s): %v.", source.value, source.from, err),
			}
		}
		cfg.Certificate = data
	}
	cfg.Secret = r.str("client_certificate_password", in.ClientCertificatePassword).value
	// Parse now so that a wrong password or a file without a key is a
	// configuration error, not a failure on the first request.
	if _, _, err := parseCertificate(cfg.Certificate, cfg.Secret); err != nil {
		what := fmt.Sprintf("%q (from %s)", source.value, source.from)
		if chosen.attr == "client_certificate" {
			what = "client_certificate (from " + source.from + ")"
		}
		return &ConfigError{
			Attribute: chosen.attr,
			Summary:   "Client certificate unusable",
			Detail: fmt.Sprintf("%s: %v. It must hold the certificate and its private key, as PEM or PKCS#12; "+
				"client_certificate_password must match.", what, err),
		}
	}
	return nil
}

func resolveOIDC(r resolver, in Settings, cfg *Config) error {
	if err := requireTenantAndClient(cfg, "OIDC", nil); err != nil {
		return err
	}
	token := r.str("oidc_token", in.OIDCToken)
	file := r.str("oidc_token_file_path", in.OIDCTokenFilePath)
	reqToken := r.str("oidc_request_token", in.OIDCRequestToken)
	reqURL := r.str("oidc_request_url", in.OIDCRequestURL)
	connection := r.str("oidc_azure_service_connection_id", in.OIDCServiceConnectionID)
	switch {
	case token.value != "":
		cfg.OIDC.Token = token.value
	case file.value != "":
		return useTokenFile(cfg, "oidc_token_file_path", file)
	case connection.value != "":
		if reqToken.value == "" || reqURL.value == "" {
			return &ConfigError{
				Attribute: "oidc_azure_service_connection_id",
				Summary:   "Incomplete Azure DevOps OIDC settings",
				Detail: "oidc_azure_service_connection_id is set, so the provider asks Azure Pipelines for an ID token, which needs " +
					"oidc_request_token (SYSTEM_ACCESSTOKEN) and oidc_request_url (SYSTEM_OIDCREQUESTURI). Azure Pipelines sets " +
					"SYSTEM_OIDCREQUESTURI itself, but passes SYSTEM_ACCESSTOKEN to a step only when mapped: add " +
					"`env: { SYSTEM_ACCESSTOKEN: $(System.AccessToken) }` to the step that runs Terraform.",
			}
		}
		cfg.OIDC.RequestToken, cfg.OIDC.RequestURL, cfg.OIDC.ServiceConnectionID = reqToken.value, reqURL.value, connection.value
	case reqToken.value != "" && reqURL.value != "":
		cfg.OIDC.RequestToken, cfg.OIDC.RequestURL = reqToken.value, reqURL.value
	default:
		return &ConfigError{
			Attribute: "use_oidc",
			Summary:   "Incomplete OIDC settings",
			Detail: "use_oidc is true but no OIDC token source is set: set oidc_token (ARM_OIDC_TOKEN), " +
				"oidc_token_file_path (ARM_OIDC_TOKEN_FILE_PATH), both oidc_request_token and oidc_request_url " +
				"(ARM_OIDC_REQUEST_TOKEN/URL, or GitHub Actions' ACTIONS_ID_TOKEN_REQUEST_TOKEN/URL), or, in Azure Pipelines, " +
				"oidc_azure_service_connection_id (ARM_OIDC_AZURE_SERVICE_CONNECTION_ID) with SYSTEM_ACCESSTOKEN mapped into the step.",
		}
	}
	return nil
}

// resolveAKSWorkloadIdentity completes the settings from what Azure Workload
// Identity injects into the pod (AZURE_TENANT_ID, AZURE_CLIENT_ID,
// AZURE_FEDERATED_TOKEN_FILE) wherever the provider's own settings are unset.
func resolveAKSWorkloadIdentity(r resolver, in Settings, cfg *Config) error {
	if cfg.TenantID == "" {
		cfg.TenantID = r.getenv(aksEnv["tenant_id"])
	}
	if cfg.ClientID == "" {
		cfg.ClientID = r.getenv(aksEnv["client_id"])
	}
	if err := requireTenantAndClient(cfg, "AKS workload identity", aksEnv); err != nil {
		return err
	}
	file := r.str("oidc_token_file_path", in.OIDCTokenFilePath)
	if !file.set() || file.value == "" {
		file = setting{value: r.getenv(aksEnv["oidc_token_file_path"]), from: aksEnv["oidc_token_file_path"]}
	}
	if file.value == "" {
		return &ConfigError{
			Attribute: "use_aks_workload_identity",
			Summary:   "Incomplete AKS workload identity settings",
			Detail: "use_aks_workload_identity is true but AZURE_FEDERATED_TOKEN_FILE is not set: the pod needs the label " +
				"azure.workload.identity/use: \"true\" and a service account annotated with azure.workload.identity/client-id " +
				"(or set oidc_token_file_path).",
		}
	}
	return useTokenFile(cfg, "oidc_token_file_path", file)
}

func useTokenFile(cfg *Config, attr string, file setting) error {
	if _, err := os.Stat(file.value); err != nil {
		return &ConfigError{
			Attribute: attr,
			Summary:   "OIDC token file unreadable",
			Detail:    fmt.Sprintf("%q (from %s): %v.", file.value, file.from, err),
		}
	}
	cfg.OIDC.TokenFile = file.value
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
