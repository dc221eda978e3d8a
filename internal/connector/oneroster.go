package connector

import (
	"context"
	"fmt"
	"net/url"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
	"github.com/industrydata/terraform-provider-industrydata/internal/lifecycle"
)

// apiVersions are the OneRoster versions Graph documents.
var apiVersions = []string{"1.1", "1.2"}

// NewOneRosterResource returns the industrydata_oneroster_api_connector resource.
func NewOneRosterResource() resource.Resource { return &oneRosterResource{oneRosterCRUD.New()} }

// oneRosterResource does the common lifecycle (see lifecycle.CRUD); what is
// its own is its schema, the credential rules and the client secret, which
// Graph never returns and which may be write-only.
type oneRosterResource struct {
	*lifecycle.CRUD[oneRosterModel, graph.DataConnector]
}

var oneRosterCRUD = func() *lifecycle.CRUD[oneRosterModel, graph.DataConnector] {
	crud := connectorCRUD("OneRoster API connector", graph.ConnectorOneRosterAPI,
		"industrydata_oneroster_api_connector", oneRosterModel.toGraph, oneRosterFromGraph)
	crud.WriteOnly = writeOnlySecret
	return crud
}()

var (
	_ resource.ResourceWithConfigure      = (*oneRosterResource)(nil)
	_ resource.ResourceWithImportState    = (*oneRosterResource)(nil)
	_ resource.ResourceWithValidateConfig = (*oneRosterResource)(nil)
)

func (r *oneRosterResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_oneroster_api_connector"
}

func (r *oneRosterResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	attrs := commonAttributes(ctx, "OneRoster API connector")
	flag := func(desc string) schema.BoolAttribute {
		return schema.BoolAttribute{Required: true, MarkdownDescription: desc}
	}
	attrs["base_url"] = schema.StringAttribute{
		Required:            true,
		MarkdownDescription: "Base URL of the OneRoster API, an `https://` URL.",
		Validators:          []validator.String{httpsURL{}},
	}
	attrs["api_version"] = schema.StringAttribute{
		Required:            true,
		MarkdownDescription: "OneRoster version of the API: `1.1` or `1.2`. The API format Graph also requires is always `oneRoster`, sent by the provider.",
		Validators:          []validator.String{stringvalidator.OneOf(apiVersions...)},
	}
	attrs["is_demographics_enabled"] = flag("Whether demographics data is read.")
	attrs["is_flags_enabled"] = flag("Whether flags are read.")
	attrs["is_contacts_enabled"] = flag("Whether contacts are read.")
	attrs["credential_is_valid"] = schema.BoolAttribute{
		Computed:            true,
		MarkdownDescription: "Whether the credential was valid at Graph's last validation; null before any.",
		PlanModifiers:       []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
	}
	attrs["credential_last_valid_date_time"] = schema.StringAttribute{
		Computed:            true,
		MarkdownDescription: "When Graph last found the credential valid (RFC 3339); null before any validation.",
		PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A School Data Sync data connector that reads a OneRoster API (`oneRosterApiDataConnector`), " +
			"signing in with OAuth 1.0a (`oauth1`) or OAuth 2.0 client credentials (`oauth2`).",
		Attributes: attrs,
		Blocks: map[string]schema.Block{
			"oauth1": schema.SingleNestedBlock{
				MarkdownDescription: "OAuth 1.0a credential. Exactly one of `oauth1` and `oauth2` is required.",
				Attributes:          secretAttributes(),
			},
			"oauth2": schema.SingleNestedBlock{
				MarkdownDescription: "OAuth 2.0 client credentials. Exactly one of `oauth1` and `oauth2` is required.",
				Attributes: with(secretAttributes(), map[string]schema.Attribute{
					"token_url": schema.StringAttribute{
						Optional:            true, // required when the block is given: see ValidateConfig
						MarkdownDescription: "Token endpoint, an `https://` URL. Required.",
						Validators:          []validator.String{httpsURL{}},
					},
					"scope": schema.StringAttribute{
						Optional:            true,
						MarkdownDescription: "Scope to request, when the API needs one.",
						Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
					},
				}),
			},
		},
	}
}

// secretAttributes are the attributes both credential blocks have. Nested
// block attributes are Optional: a block's required attributes are checked
// in ValidateConfig, only when the block is given.
func secretAttributes() map[string]schema.Attribute {
	return with(map[string]schema.Attribute{
		"client_id": schema.StringAttribute{
			Optional:            true,
			MarkdownDescription: "Client id. Required.",
			Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
		},
	}, lifecycle.SecretAttributes("client_secret",
		"Client secret, kept in state (Terraform stores sensitive values there). Graph never returns it: "+
			"a change made outside Terraform is not seen, and a change here sends the credential again. "+
			"Exactly one of `client_secret` and `client_secret_wo`.",
		"Client secret as a write-only value, never stored in plan or state. Needs a CLI that supports "+
			"write-only attributes (OpenTofu 1.12 and Terraform 1.11 or later; not Terraform 1.8). It is sent on create and "+
			"whenever `client_secret_wo_version` changes."))
}

func with(m, more map[string]schema.Attribute) map[string]schema.Attribute {
	for k, v := range more {
		m[k] = v
	}
	return m
}

// ValidateConfig checks, at plan time, that exactly one credential block is
// given, with its required attributes and exactly one form of the secret.
func (r *oneRosterResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var m oneRosterModel
	if resp.Diagnostics.Append(req.Config.Get(ctx, &m)...); resp.Diagnostics.HasError() {
		return
	}
	if (m.OAuth1 == nil) == (m.OAuth2 == nil) {
		resp.Diagnostics.AddAttributeError(path.Root("oauth1"), "Exactly one credential block",
			"A OneRoster API connector needs exactly one of the blocks oauth1 and oauth2; the configuration has "+
				map[bool]string{true: "both", false: "neither"}[m.OAuth1 != nil]+".")
		return
	}
	block, c := "oauth1", m.secretsOf()
	if m.OAuth2 != nil {
		block = "oauth2"
		if m.OAuth2.TokenURL.IsNull() {
			resp.Diagnostics.AddAttributeError(path.Root(block).AtName("token_url"), "Missing token_url", "The oauth2 block needs token_url, the API's token endpoint (an https:// URL).")
		}
	}
	if c.ClientID.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root(block).AtName("client_id"), "Missing client_id", "The "+block+" block needs client_id.")
	}
	if c.ClientSecret.IsNull() == c.ClientSecretWO.IsNull() {
		resp.Diagnostics.AddAttributeError(path.Root(block).AtName("client_secret"), "Exactly one client secret",
			"The "+block+" block needs exactly one of client_secret and client_secret_wo (write-only, for CLIs that support it).")
	}
}

// httpsURL accepts an absolute https:// URL with a host.
type httpsURL struct{}

func (httpsURL) Description(context.Context) string { return "must be an https:// URL" }

func (v httpsURL) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (httpsURL) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if !lifecycle.Known(req.ConfigValue) {
		return
	}
	u, err := url.Parse(req.ConfigValue.ValueString())
	if err != nil || u.Scheme != "https" || u.Host == "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid URL",
			fmt.Sprintf("%s is %q; it must be an https:// URL, such as \"https://sis.example.com/ims/oneroster/v1p1\".", req.Path, req.ConfigValue.ValueString()))
	}
}

// writeOnlySecret copies client_secret_wo from the configuration into the
// desired model; into the prior one too when client_secret_wo_version did
// not change, so that the secret counts as changed only with its version
// (and a credential sent for another change carries the current secret).
func writeOnlySecret(ctx context.Context, config tfsdk.Config, prior, desired *oneRosterModel) diag.Diagnostics {
	var cfg oneRosterModel
	diags := config.Get(ctx, &cfg)
	if diags.HasError() {
		return diags
	}
	want := desired.secretsOf()
	var had *lifecycle.WriteOnlySecret
	if prior != nil && prior.sameCredentialType(*desired) {
		p := prior.secretsOf()
		had = &lifecycle.WriteOnlySecret{Value: &p.ClientSecretWO, Version: p.ClientSecretWOVersion}
	}
	lifecycle.CarryWriteOnly(cfg.secretsOf().ClientSecretWO, lifecycle.WriteOnlySecret{Value: &want.ClientSecretWO, Version: want.ClientSecretWOVersion}, had)
	return diags
}
