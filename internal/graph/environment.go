package graph

import (
	"fmt"
	"strings"
)

// Environment is a Microsoft cloud: where tokens come from and where Graph lives.
type Environment struct {
	Name          string
	AuthorityHost string // identity platform host
	GraphHost     string // Microsoft Graph host; also the token audience
}

// Environments are the clouds the provider knows, by the name users write.
var Environments = map[string]Environment{
	"public":         {Name: "public", AuthorityHost: "login.microsoftonline.com", GraphHost: "graph.microsoft.com"},
	"usgovernment":   {Name: "usgovernment", AuthorityHost: "login.microsoftonline.us", GraphHost: "graph.microsoft.us"},
	"usgovernmentl5": {Name: "usgovernmentl5", AuthorityHost: "login.microsoftonline.us", GraphHost: "dod-graph.microsoft.us"},
	"china":          {Name: "china", AuthorityHost: "login.chinacloudapi.cn", GraphHost: "microsoftgraph.chinacloudapi.cn"},
}

// EnvironmentAliases are the other names the azuread and azurerm providers
// accept for the same clouds (ARM_ENVIRONMENT is shared with them), mapped to
// the name above.
var EnvironmentAliases = map[string]string{
	"global":         "public",
	"usgovernmentl4": "usgovernment",
	"dod":            "usgovernmentl5",
}

// EnvironmentNames lists the environment names, sorted, for messages and docs.
func EnvironmentNames() []string { return sortedKeys(Environments) }

// AcceptedEnvironmentNames lists every name the environment setting accepts,
// aliases included, sorted, for validators.
func AcceptedEnvironmentNames() []string {
	return append(EnvironmentNames(), sortedKeys(EnvironmentAliases)...)
}

func resolveEnvironment(s setting) (Environment, error) {
	if !s.set() || s.value == "" {
		return Environments["public"], nil
	}
	name := strings.ToLower(s.value)
	if canonical, ok := EnvironmentAliases[name]; ok {
		name = canonical
	}
	if env, ok := Environments[name]; ok {
		return env, nil
	}
	return Environment{}, &ConfigError{
		Attribute: "environment",
		Summary:   "Unknown environment",
		Detail: fmt.Sprintf("%q (from %s) is not a known cloud; use one of %s (or the azuread names %s).",
			s.value, s.from, strings.Join(EnvironmentNames(), ", "), strings.Join(sortedKeys(EnvironmentAliases), ", ")),
	}
}
