package provider

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
)

func providerSchema() schema.Schema {
	s := schema.Schema{
		MarkdownDescription: "Manages Microsoft Graph (beta) industry data — the API behind School Data Sync. " +
			"Exactly one authentication method is used; see the precedence rules in the provider documentation.",
		Attributes: map[string]schema.Attribute{
			"tenant_id":                   str("The Microsoft Entra tenant (directory) ID."),
			"client_id":                   str("The application (client) ID of the app registration, or of a user-assigned managed identity."),
			"client_id_file_path":         str("Path to a file holding the client ID, instead of `client_id`."),
			"client_secret":               secret("A client secret of the app registration."),
			"client_secret_file_path":     str("Path to a file holding the client secret, instead of `client_secret`."),
			"client_certificate":          secret("The client certificate and its private key inline: a PKCS#12 (.pfx) or PEM file, base64-encoded (e.g. `base64 -w0 cert.pfx`), instead of `client_certificate_path`."),
			"client_certificate_path":     str("Path to a PEM or PKCS#12 file holding the client certificate and its private key."),
			"client_certificate_password": secret("Password of the PKCS#12 file in `client_certificate_path` or `client_certificate`, if it has one."),
			"use_oidc":                    flag("Authenticate with a federated (OIDC) token from a CI system."),
			"oidc_token":                  secret("The federated ID token itself."),
			"oidc_token_file_path":        str("Path to a file holding the federated ID token; read again whenever a new access token is needed."),
			"oidc_request_token":          secret("Bearer token for the CI system's ID token endpoint (GitHub Actions' `ACTIONS_ID_TOKEN_REQUEST_TOKEN`, Azure Pipelines' `SYSTEM_ACCESSTOKEN`)."),
			"oidc_request_url":            str("The CI system's ID token endpoint (GitHub Actions' `ACTIONS_ID_TOKEN_REQUEST_URL`, Azure Pipelines' `SYSTEM_OIDCREQUESTURI`)."),
			"oidc_azure_service_connection_id": str("The id of the Azure DevOps service connection (workload identity federation) to get the ID token for, " +
				"with `use_oidc = true` in Azure Pipelines."),
			"use_aks_workload_identity": flag("Authenticate with Azure Workload Identity on AKS: the federated token file, tenant and client id " +
				"come from `AZURE_FEDERATED_TOKEN_FILE`, `AZURE_TENANT_ID` and `AZURE_CLIENT_ID` unless set otherwise."),
			"use_msi": flag("Authenticate with the managed identity of the machine running Terraform."),
			"use_cli": flag("Authenticate with the account signed in to the Azure CLI (`az login`). This is also what the provider does " +
				"when no method is configured; `false` turns that off."),
			"access_token": secret("A bearer token for Microsoft Graph obtained elsewhere, used as is."),
			"environment": withValidators(str("The Microsoft cloud: "+strings.Join(graph.EnvironmentNames(), ", ")+
				" (the azuread provider's names "+strings.Join(aliasDescriptions(), ", ")+" are accepted too). Defaults to `public`."),
				stringvalidator.OneOfCaseInsensitive(graph.AcceptedEnvironmentNames()...)),
			"graph_endpoint": str("Base URL of Microsoft Graph including the version segment, e.g. `https://graph.microsoft.com/beta`. " +
				"Defaults to the environment's Graph host. Plain `http` is accepted only for loopback hosts (a local proxy or the project's fake Graph)."),
			"authority_host": str("Base URL of the identity platform, e.g. `https://login.microsoftonline.com/`. " +
				"Defaults to the environment's host; set it only for a private authority or a local test server. Must use `https`."),
		},
	}
	for name, a := range s.Attributes {
		switch a := a.(type) {
		case schema.StringAttribute:
			a.MarkdownDescription = envNote(name, a.MarkdownDescription)
			s.Attributes[name] = a
		case schema.BoolAttribute:
			a.MarkdownDescription = envNote(name, a.MarkdownDescription)
			s.Attributes[name] = a
		}
	}
	return s
}

// envNote lists an attribute's environment variables in its description, so
// the generated docs carry them next to the attribute.
func envNote(name, description string) string {
	vars := graph.EnvVars(name)
	if len(vars) == 0 {
		return description
	}
	return fmt.Sprintf("%s Environment: `%s`.", description, strings.Join(vars, "`, `"))
}

func str(description string) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, MarkdownDescription: description}
}

func secret(description string) schema.StringAttribute {
	return schema.StringAttribute{Optional: true, Sensitive: true, MarkdownDescription: description}
}

func flag(description string) schema.BoolAttribute {
	return schema.BoolAttribute{Optional: true, MarkdownDescription: description}
}

func withValidators(a schema.StringAttribute, v ...validator.String) schema.StringAttribute {
	a.Validators = v
	return a
}

// aliasDescriptions lists each environment alias with the name it stands for.
func aliasDescriptions() []string {
	var out []string
	for _, alias := range graph.AcceptedEnvironmentNames() {
		if canonical, ok := graph.EnvironmentAliases[alias]; ok {
			out = append(out, fmt.Sprintf("`%s` for `%s`", alias, canonical))
		}
	}
	return out
}
