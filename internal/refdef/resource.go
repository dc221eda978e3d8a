package refdef

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
	"github.com/industrydata/terraform-provider-industrydata/internal/lifecycle"
)

const what = "industry data reference definition"

// codeShape refuses what cannot stand in the id, a URL path segment.
// Assumption: Graph states no limit on codes; the provider refuses
// / \ ? # % and more than 100 characters (the limit of every other
// industryData name), and the fake Graph does the same.
var codeShape = regexp.MustCompile(`^[^/\\?#%]+$`)

// NewResource returns the industrydata_reference_definition resource.
func NewResource() resource.Resource { return &definitionResource{definitionCRUD.New()} }

// definitionResource does the common lifecycle (see lifecycle.CRUD); what
// is its own: the id made of type and code, taking over a disabled
// definition instead of failing to create it, and a destroy that Graph
// turns into disabling.
type definitionResource struct {
	*lifecycle.CRUD[resourceModel, graph.ReferenceDefinition]
}

var definitionCRUD = &lifecycle.CRUD[resourceModel, graph.ReferenceDefinition]{
	What: what, DefaultTimeout: 5 * time.Minute,
	Graph: lifecycle.Calls[graph.ReferenceDefinition]{
		Get: (*graph.Client).GetReferenceDefinition, Create: (*graph.Client).CreateReferenceDefinition,
		Update: (*graph.Client).UpdateReferenceDefinition, Delete: (*graph.Client).DeleteReferenceDefinition,
	},
	ToGraph:   resourceModel.toGraph,
	FromGraph: fromGraph,
	ID:        func(m resourceModel) string { return m.ID.ValueString() },
	Timeouts:  func(m resourceModel) timeouts.Value { return m.Timeouts },
	Adopt:     adoptDisabled,
}

var (
	_ resource.ResourceWithConfigure   = (*definitionResource)(nil)
	_ resource.ResourceWithImportState = (*definitionResource)(nil)
)

func (r *definitionResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_reference_definition"
}

func (r *definitionResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replaces := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A School Data Sync reference definition (`referenceDefinition`): a code a tenant adds to one of the " +
			"six extensible reference types (grade levels, academic subjects, …). Microsoft Graph's delete only disables a " +
			"definition: destroying one leaves it in Graph, disabled.",
		Attributes: map[string]schema.Attribute{
			// Required
			"reference_type": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "The reference type the code belongs to, one of the types Graph lets a tenant extend: `" +
					strings.Join(graph.ExtensibleReferenceTypes, "`, `") + "`. Changing it replaces the definition.",
				Validators:    []validator.String{stringvalidator.OneOf(graph.ExtensibleReferenceTypes...)},
				PlanModifiers: replaces,
			},
			"code": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "The code, unique in its type; 1 to 100 characters, none of `/ \\ ? # %` (it is part of the id). " +
					"Changing it replaces the definition.",
				Validators: []validator.String{
					stringvalidator.LengthBetween(1, 100),
					stringvalidator.RegexMatches(codeShape, `must not hold any of / \ ? # % (the code is part of the id, a URL path segment)`),
				},
				PlanModifiers: replaces,
			},
			"sort_index": schema.Int64Attribute{
				Required: true,
				MarkdownDescription: "Position of the code when its type's codes are shown, a 32-bit integer. Graph requires it to be " +
					"unique among the type's codes; it is checked by Graph when applied, not at plan time.",
				Validators: []validator.Int64{int64validator.Between(math.MinInt32, math.MaxInt32)},
			},
			// Optional
			"display_name": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Name of the code shown to people, 1 to 100 characters; unset, the definition has none.",
				Validators:          []validator.String{stringvalidator.LengthBetween(1, 100)},
			},
			"is_disabled": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				MarkdownDescription: "Whether the code is disabled: future data is no longer associated with it. Default `false`.",
			},
			// Computed
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "Id of the definition, `{reference_type}-{code}` (`RefGradeLevel-TestGrade`), known at plan time.",
				PlanModifiers:       []planmodifier.String{idFromTypeAndCode{}},
			},
			"source": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "Who defined the code: `Tenant Defined` for codes a tenant created, `microsoft.com` for built-in ones.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
		},
	}
}

// Delete sends Graph's DELETE, which only disables the definition, and
// says so.
func (r *definitionResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	r.CRUD.Delete(ctx, req, resp)
	if resp.Diagnostics.HasError() {
		return
	}
	var id types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("id"), &id)...)
	resp.Diagnostics.AddWarning("Reference definition remains in Microsoft Graph, disabled",
		fmt.Sprintf("Microsoft Graph cannot delete reference definitions, only disable them. Reference definition %s was "+
			"disabled and removed from Terraform state; it is still listed, disabled. Creating it again with Terraform "+
			"takes it over and enables it.", id.ValueString()))
}

// ImportState takes a definition's id, "{reference_type}-{code}", of one
// of the extensible types; Read fills in the rest.
func (r *definitionResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if checkImportID(req.ID, &resp.Diagnostics) {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
	}
}

// checkImportID reports whether id names a definition of an extensible
// type, adding an error that says what an id looks like when it does not.
func checkImportID(id string, diags *diag.Diagnostics) bool {
	typ, code, ok := strings.Cut(id, "-")
	if ok && code != "" && slices.Contains(graph.ExtensibleReferenceTypes, typ) {
		return true
	}
	diags.AddError("Invalid import id",
		fmt.Sprintf("%q is not the id of a reference definition this resource can manage. Import takes "+
			"\"{reference_type}-{code}\", such as \"RefGradeLevel-09\", where reference_type is one of %s.",
			id, strings.Join(graph.ExtensibleReferenceTypes, ", ")))
	return false
}

// adoptDisabled handles a create Graph refused because the id is taken.
// Graph's delete only disables a definition, so a definition destroyed
// earlier (or disabled in the portal) still holds its id: the provider
// takes it over with one PATCH of what differs, enabling it unless the
// configuration says otherwise, and warns. An enabled definition is
// someone else's: the error says to import it. Assumption: Graph's answer
// to a taken id is not documented (the fake answers 409); the provider
// reads the id after any 409 or 400 (one GET, only after a refusal) and
// keeps Graph's error when nothing holds it.
func adoptDisabled(ctx context.Context, c *graph.Client, desired graph.ReferenceDefinition, refused error, diags *diag.Diagnostics) (*graph.ReferenceDefinition, error) {
	if !graph.IsConflict(refused) && !graph.IsBadRequest(refused) {
		return nil, refused
	}
	id := graph.ReferenceDefinitionID(desired.ReferenceType, desired.Code)
	existing, err := c.GetReferenceDefinition(ctx, id)
	if err != nil {
		return nil, refused
	}
	if !existing.IsDisabled {
		return nil, fmt.Errorf("%w\n\nReference definition %s already exists and is enabled (source: %s). To manage it with "+
			"Terraform, import it: terraform import <resource address> %s, or an import block with id = %q",
			refused, id, existing.Source, id, id)
	}
	updated, err := c.UpdateReferenceDefinition(ctx, id, *existing, desired)
	if err != nil {
		return nil, err
	}
	if updated == nil { // it already was as configured, disabled included
		updated = existing
	}
	diags.AddWarning("Disabled reference definition taken over",
		fmt.Sprintf("Reference definition %s already existed, disabled (Microsoft Graph's delete only disables a definition, "+
			"source: %s). Instead of creating it, the provider took it over and set it as configured.", id, existing.Source))
	return updated, nil
}

// idFromTypeAndCode plans the id Graph will give the definition,
// "{reference_type}-{code}", as soon as both are known.
type idFromTypeAndCode struct{}

func (idFromTypeAndCode) Description(context.Context) string {
	return "the id is {reference_type}-{code}"
}

func (m idFromTypeAndCode) MarkdownDescription(ctx context.Context) string { return m.Description(ctx) }

func (idFromTypeAndCode) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	var typ, code types.String
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("reference_type"), &typ)...)
	resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("code"), &code)...)
	if lifecycle.Known(typ) && lifecycle.Known(code) {
		resp.PlanValue = types.StringValue(graph.ReferenceDefinitionID(typ.ValueString(), code.ValueString()))
	}
}
