// Package refdef is the industrydata_reference_definition resource and the
// industrydata_reference_definitions data source:
// the codes School Data Sync uses for grade levels, identifier types,
// organisation types, …
package refdef

import (
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
	"github.com/industrydata/terraform-provider-industrydata/internal/lifecycle"
)

// referenceType is the shape of Graph's reference type names
// ("RefGradeLevel"). Assumption: every name Graph documents has it.
var referenceType = regexp.MustCompile(`^Ref[A-Z][A-Za-z]*$`)

// NewListDataSource returns the industrydata_reference_definitions data source.
func NewListDataSource() datasource.DataSource { return definitionList.New() }

// definitionList filters by reference type in the provider, after reading
// every page. Assumption: Graph documents no $filter on
// referenceDefinitions, so none is sent.
var definitionList = &lifecycle.List[graph.ReferenceDefinition, listedDefinition]{
	TypeName: "_reference_definitions", What: "reference definitions", Attribute: "reference_definitions",
	Description: "Lists School Data Sync reference definitions (all pages): the codes of grade levels, identifier types, " +
		"organisation types, … built in (`source` is `microsoft.com`) or defined by the tenant, optionally of one `reference_type`.",
	Element: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
		"id":             schema.StringAttribute{Computed: true, MarkdownDescription: "Id of the definition, `{reference_type}-{code}` (`RefGradeLevel-09`)."},
		"reference_type": schema.StringAttribute{Computed: true, MarkdownDescription: "Reference type the code belongs to (`RefGradeLevel`)."},
		"code":           schema.StringAttribute{Computed: true, MarkdownDescription: "The code, unique in its type."},
		"display_name":   schema.StringAttribute{Computed: true, MarkdownDescription: "Name of the code."},
		"sort_index":     schema.Int64Attribute{Computed: true, MarkdownDescription: "Position of the code in its type."},
		"is_disabled":    schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the code is disabled (Graph's delete only disables a definition)."},
		"source":         schema.StringAttribute{Computed: true, MarkdownDescription: "Who defined it: `microsoft.com` for built-in codes, `Tenant Defined` otherwise."},
	}},
	Fetch: (*graph.Client).ListReferenceDefinitions,
	ToElement: func(d graph.ReferenceDefinition) listedDefinition {
		return listedDefinition{
			ID: types.StringValue(d.ID), ReferenceType: types.StringValue(d.ReferenceType), Code: types.StringValue(d.Code),
			DisplayName: types.StringValue(d.DisplayName), SortIndex: types.Int64Value(int64(d.SortIndex)),
			IsDisabled: types.BoolValue(d.IsDisabled), Source: types.StringValue(d.Source),
		}
	},
	Filter: &lifecycle.ListFilter[graph.ReferenceDefinition]{
		Attribute: "reference_type",
		Description: "Only the definitions of this reference type, such as `RefGradeLevel` (matched exactly); " +
			"unset, every definition is listed.",
		Validators: []validator.String{stringvalidator.RegexMatches(referenceType, `must be a reference type name such as "RefGradeLevel"`)},
		Match:      func(d graph.ReferenceDefinition, t string) bool { return d.ReferenceType == t },
	},
}

type listedDefinition struct {
	ID            types.String `tfsdk:"id"`
	ReferenceType types.String `tfsdk:"reference_type"`
	Code          types.String `tfsdk:"code"`
	DisplayName   types.String `tfsdk:"display_name"`
	SortIndex     types.Int64  `tfsdk:"sort_index"`
	IsDisabled    types.Bool   `tfsdk:"is_disabled"`
	Source        types.String `tfsdk:"source"`
}
