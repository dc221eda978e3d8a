// Command nullprovider is a baseline for `make bench`: the smallest
// terraform-plugin-framework provider, "benchnull", with one resource,
// benchnull_item { input, id, output }, that sends no request at all. Its
// phases cost what any provider built on the plugin protocol and the
// framework costs per resource (a process, gRPC, msgpack, the framework's
// plan and state handling), so that
//
//	industrydata_run − terraform_data = (benchnull_item − terraform_data) + (industrydata_run − benchnull_item)
//
// separates that baseline from what is industrydata's own.
package main

import (
	"context"
	"log"
	"os"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/process"
)

// address is where Terraform finds the baseline (a filesystem mirror).
const address = "registry.terraform.io/industrydata/benchnull"

func main() {
	newProvider := func() provider.Provider { return nullProvider{} }
	// A diagnostic (-env BENCH_NULL_RELEASE_CONTEXTS=1): the baseline served
	// as industrydata is, with each RPC's context released when it returns,
	// to compare memory without the framework's retention on either side.
	// The standard benchmark serves it as the framework ships.
	var err error
	if os.Getenv("BENCH_NULL_RELEASE_CONTEXTS") == "1" {
		err = process.Serve(address, newProvider, false)
	} else {
		err = providerserver.Serve(context.Background(), newProvider, providerserver.ServeOpts{Address: address, ProtocolVersion: 6})
	}
	if err != nil {
		log.Fatal(err)
	}
}

type nullProvider struct{}

func (nullProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "benchnull"
}
func (nullProvider) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}
func (nullProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}
func (nullProvider) DataSources(context.Context) []func() datasource.DataSource { return nil }
func (nullProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{func() resource.Resource { return item{} }}
}

// item mirrors terraform_data: input is stored, output follows it.
type item struct{}

type itemModel struct {
	ID     types.String `tfsdk:"id"`
	Input  types.String `tfsdk:"input"`
	Output types.String `tfsdk:"output"`
}

func (item) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_item"
}

func (item) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{
		"id":     schema.StringAttribute{Computed: true, PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()}},
		"input":  schema.StringAttribute{Optional: true},
		"output": schema.StringAttribute{Computed: true},
	}}
}

func (item) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var m itemModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	m.ID, m.Output = types.StringValue("item-"+m.Input.ValueString()), m.Input
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func (item) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var m itemModel
	resp.Diagnostics.Append(req.State.Get(ctx, &m)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func (item) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var m itemModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &m)...)
	m.Output = m.Input
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func (item) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {}
