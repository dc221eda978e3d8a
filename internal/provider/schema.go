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
			"client_secret":               secret("A client secret of the app registration."),
			"client_secret_file_path":     str("Path to a file holding the client secret, instead of `client_secret`."),
			"client_certificate_path":     str("Path to a PEM or PKCS#12 file holding the client certificate and its private key."),
			"client_certificate_password": secret("Password of the PKCS#12 file in `client_certificate_path`, if it has one."),
			"use_oidc":                    flag("Authenticate with a federated (OIDC) token from a CI system."),
			"oidc_token":                  secret("The federated ID token itself."),
			"oidc_token_file_path":        str("Path to a file holding the federated ID token; read again whenever a new access token is needed."),
			"oidc_request_token":          secret("Bearer token for the CI system's ID token endpoint (GitHub Actions' `ACTIONS_ID_TOKEN_REQUEST_TOKEN`)."),
			"oidc_request_url":            str("The CI system's ID token endpoint (GitHub Actions' `ACTIONS_ID_TOKEN_REQUEST_URL`)."),
			"use_msi":                     flag("Authenticate with the managed identity of the machine running Terraform."),
			"use_cli":                     flag("Authenticate with the account signed in to the Azure CLI (`az login`)."),
			"access_token":                secret("A bearer token for Microsoft Graph obtained elsewhere, used as is."),
			"environment": withValidators(str("The Microsoft cloud: "+strings.Join(graph.EnvironmentNames(), ", ")+". Defaults to `public`."),
				stringvalidator.OneOf(graph.EnvironmentNames()...)),
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
