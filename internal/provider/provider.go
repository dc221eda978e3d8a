// Package provider is the industrydata provider type: its configuration
// schema, Configure (settings → graph.Client), and the lists of resources and
// data sources. It wires; behaviour lives in internal/graph and the entity packages.
package provider

import (
	"context"
	"net/http"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/connector"
	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
	"github.com/industrydata/terraform-provider-industrydata/internal/inboundflow"
	"github.com/industrydata/terraform-provider-industrydata/internal/outboundflow"
	"github.com/industrydata/terraform-provider-industrydata/internal/refdef"
	"github.com/industrydata/terraform-provider-industrydata/internal/rolegroup"
	"github.com/industrydata/terraform-provider-industrydata/internal/run"
	"github.com/industrydata/terraform-provider-industrydata/internal/sourcesystem"
	"github.com/industrydata/terraform-provider-industrydata/internal/tfdiag"
	"github.com/industrydata/terraform-provider-industrydata/internal/year"
)

// TypeName is the provider type users write in required_providers.
const TypeName = "industrydata"

// Option adjusts a provider instance; used by tests.
type Option func(*industryDataProvider)

// WithHTTPClient makes the provider send Graph and identity traffic through c,
// e.g. a client that trusts a local fake server's certificate.
func WithHTTPClient(c *http.Client) Option {
	return func(p *industryDataProvider) { p.httpClient = c }
}

// WithGetenv replaces os.Getenv, so tests can set the environment per provider.
func WithGetenv(getenv func(string) string) Option {
	return func(p *industryDataProvider) { p.getenv = getenv }
}

// New returns the provider factory for providerserver.
func New(version string, opts ...Option) func() provider.Provider {
	return func() provider.Provider {
		p := &industryDataProvider{version: version, getenv: os.Getenv}
		for _, o := range opts {
			o(p)
		}
		return p
	}
}

type industryDataProvider struct {
	version    string
	httpClient *http.Client
	getenv     func(string) string
}

var _ provider.Provider = (*industryDataProvider)(nil)

func (p *industryDataProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = TypeName
	resp.Version = p.version
}

func (p *industryDataProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = providerSchema()
}

func (p *industryDataProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if unknown := cfg.unknownAttributes(); len(unknown) > 0 {
		for _, name := range unknown {
			resp.Diagnostics.AddAttributeError(path.Root(name), "Provider setting not known until apply",
				name+" comes from a value that Terraform knows only after apply (e.g. an attribute of a resource not created yet), "+
					"but the provider must connect during plan. Set it to a value known at plan time (a literal, a variable, a data source "+
					"of another provider), or leave it out and set its environment variable.")
		}
		return
	}
	resolved, err := graph.Resolve(cfg.settings(), p.getenv)
	if err != nil {
		tfdiag.AddConfigError(&resp.Diagnostics, err)
		return
	}
	client, err := graph.NewClient(resolved, graph.Options{Version: p.version, HTTPClient: p.httpClient})
	if err != nil {
		tfdiag.AddConfigError(&resp.Diagnostics, err)
		return
	}
	resp.DataSourceData = client
	resp.ResourceData = client
}

func (p *industryDataProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		run.NewResource,
		sourcesystem.NewResource,
		connector.NewAzureDataLakeResource,
		connector.NewOneRosterResource,
		year.NewResource,
		refdef.NewResource,
		inboundflow.NewFileFlowResource,
		inboundflow.NewAPIFlowResource,
		outboundflow.NewResource,
	}
}

func (p *industryDataProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		run.NewDataSource,
		run.NewListDataSource,
		sourcesystem.NewListDataSource,
		connector.NewListDataSource,
		year.NewListDataSource,
		inboundflow.NewListDataSource,
		outboundflow.NewListDataSource,
		refdef.NewListDataSource,
		rolegroup.NewListDataSource,
	}
}

// providerModel mirrors providerSchema.
type providerModel struct {
	TenantID                  types.String `tfsdk:"tenant_id"`
	ClientID                  types.String `tfsdk:"client_id"`
	ClientIDFilePath          types.String `tfsdk:"client_id_file_path"`
	ClientSecret              types.String `tfsdk:"client_secret"`
	ClientSecretFilePath      types.String `tfsdk:"client_secret_file_path"`
	ClientCertificate         types.String `tfsdk:"client_certificate"`
	ClientCertificatePath     types.String `tfsdk:"client_certificate_path"`
	ClientCertificatePassword types.String `tfsdk:"client_certificate_password"`
	UseOIDC                   types.Bool   `tfsdk:"use_oidc"`
	OIDCToken                 types.String `tfsdk:"oidc_token"`
	OIDCTokenFilePath         types.String `tfsdk:"oidc_token_file_path"`
	OIDCRequestToken          types.String `tfsdk:"oidc_request_token"`
	OIDCRequestURL            types.String `tfsdk:"oidc_request_url"`
	OIDCServiceConnectionID   types.String `tfsdk:"oidc_azure_service_connection_id"`
	UseAKSWorkloadIdentity    types.Bool   `tfsdk:"use_aks_workload_identity"`
	UseMSI                    types.Bool   `tfsdk:"use_msi"`
	UseCLI                    types.Bool   `tfsdk:"use_cli"`
	AccessToken               types.String `tfsdk:"access_token"`
	Environment               types.String `tfsdk:"environment"`
	GraphEndpoint             types.String `tfsdk:"graph_endpoint"`
	AuthorityHost             types.String `tfsdk:"authority_host"`
}

func (m providerModel) strings() map[string]types.String {
	return map[string]types.String{
		"tenant_id": m.TenantID, "client_id": m.ClientID, "client_id_file_path": m.ClientIDFilePath, "client_secret": m.ClientSecret,
		"client_certificate": m.ClientCertificate, "oidc_azure_service_connection_id": m.OIDCServiceConnectionID,
		"client_secret_file_path": m.ClientSecretFilePath, "client_certificate_path": m.ClientCertificatePath,
		"client_certificate_password": m.ClientCertificatePassword, "oidc_token": m.OIDCToken,
		"oidc_token_file_path": m.OIDCTokenFilePath, "oidc_request_token": m.OIDCRequestToken,
		"oidc_request_url": m.OIDCRequestURL, "access_token": m.AccessToken, "environment": m.Environment,
		"graph_endpoint": m.GraphEndpoint, "authority_host": m.AuthorityHost,
	}
}

func (m providerModel) bools() map[string]types.Bool {
	return map[string]types.Bool{"use_oidc": m.UseOIDC, "use_aks_workload_identity": m.UseAKSWorkloadIdentity, "use_msi": m.UseMSI, "use_cli": m.UseCLI}
}

func (m providerModel) unknownAttributes() []string {
	var out []string
	for name, v := range m.strings() {
		if v.IsUnknown() {
			out = append(out, name)
		}
	}
	for name, v := range m.bools() {
		if v.IsUnknown() {
			out = append(out, name)
		}
	}
	return out
}

// settings copies the provider block into graph.Settings: null stays nil so
// that the environment can fill it in.
func (m providerModel) settings() graph.Settings {
	return graph.Settings{
		TenantID: m.TenantID.ValueStringPointer(), ClientID: m.ClientID.ValueStringPointer(),
		ClientIDFilePath: m.ClientIDFilePath.ValueStringPointer(), ClientCertificate: m.ClientCertificate.ValueStringPointer(),
		OIDCServiceConnectionID: m.OIDCServiceConnectionID.ValueStringPointer(), UseAKSWorkloadIdentity: m.UseAKSWorkloadIdentity.ValueBoolPointer(),
		ClientSecret: m.ClientSecret.ValueStringPointer(), ClientSecretFilePath: m.ClientSecretFilePath.ValueStringPointer(),
		ClientCertificatePath:     m.ClientCertificatePath.ValueStringPointer(),
		ClientCertificatePassword: m.ClientCertificatePassword.ValueStringPointer(),
		UseOIDC:                   m.UseOIDC.ValueBoolPointer(), OIDCToken: m.OIDCToken.ValueStringPointer(),
		OIDCTokenFilePath: m.OIDCTokenFilePath.ValueStringPointer(), OIDCRequestToken: m.OIDCRequestToken.ValueStringPointer(),
		OIDCRequestURL: m.OIDCRequestURL.ValueStringPointer(), UseMSI: m.UseMSI.ValueBoolPointer(),
		UseCLI: m.UseCLI.ValueBoolPointer(), AccessToken: m.AccessToken.ValueStringPointer(),
		Environment: m.Environment.ValueStringPointer(), GraphEndpoint: m.GraphEndpoint.ValueStringPointer(),
		AuthorityHost: m.AuthorityHost.ValueStringPointer(),
	}
}
