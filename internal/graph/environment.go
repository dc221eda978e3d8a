package graph

import (
	"fmt"
	"sort"
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

// EnvironmentNames lists the valid environment names, sorted, for messages and validators.
func EnvironmentNames() []string {
	names := make([]string, 0, len(Environments))
	for n := range Environments {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func resolveEnvironment(s setting) (Environment, error) {
	if !s.set() || s.value == "" {
		return Environments["public"], nil
	}
	if env, ok := Environments[strings.ToLower(s.value)]; ok {
		return env, nil
	}
	return Environment{}, &ConfigError{
		Attribute: "environment",
		Summary:   "Unknown environment",
		Detail:    fmt.Sprintf("%q (from %s) is not a known cloud; use one of %s.", s.value, s.from, strings.Join(EnvironmentNames(), ", ")),
	}
}
