package run

import (
	"context"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/objectplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/lifecycle"
	"github.com/industrydata/terraform-provider-industrydata/internal/timetypes"
)

// resourceSchemaVersion is the version of industrydata_run's state; the
// upgraders in resource_upgrade.go take older states to it.
const resourceSchemaVersion = 1

func resourceSchema(ctx context.Context) schema.Schema {
	blockingError := blockingErrorField.resource(false).(schema.SingleNestedAttribute)
	blockingError.PlanModifiers = []planmodifier.Object{objectplanmodifier.UseStateForUnknown()}
	statistics := resourceStatisticsField.resource(true).(schema.SingleNestedAttribute)
	statistics.PlanModifiers = []planmodifier.Object{objectplanmodifier.UseStateForUnknown()}

	return schema.Schema{
		Version: resourceSchemaVersion,
		MarkdownDescription: "An industry data run (a School Data Sync run). Creating the resource either adopts an existing run " +
			"(`run_id`) or starts an on-demand run; updates PATCH only the attributes that changed. Graph has no DELETE for runs: " +
			"destroying the resource removes it from state and leaves the run in Microsoft Graph.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed: true, MarkdownDescription: descID,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"run_id": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "Adopt this existing run instead of starting a new one. Changing it to another run replaces the resource. " +
					"When not set, creating the resource starts an on-demand run (at most five per 12 hours), and this attribute holds its id.",
				Validators:    []validator.String{stringvalidator.RegexMatches(lifecycle.GUIDPattern, "must be a run id, a GUID such as "+lifecycle.GUIDExample)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(), replaceWhenAdoptingAnotherRun()},
			},
			"display_name": schema.StringAttribute{
				Optional: true, Computed: true, MarkdownDescription: descDisplayName,
				Validators:    []validator.String{stringvalidator.LengthAtLeast(1)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"start_date_time": schema.StringAttribute{
				Optional: true, Computed: true, CustomType: timetypes.InstantType{}, MarkdownDescription: descStartDateTime,
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(), timetypes.KeepPriorWhenSameInstant()},
			},
			"end_date_time": schema.StringAttribute{
				Optional: true, Computed: true, CustomType: timetypes.InstantType{},
				MarkdownDescription: descEndDateTime + " Must not be earlier than `start_date_time`. Setting a final `status` without it " +
					"plans it as known after apply: the service stamps it.",
				PlanModifiers: []planmodifier.String{endStampedWhenRunEnds(), timetypes.KeepPriorWhenSameInstant()},
			},
			"status": schema.StringAttribute{
				Optional: true, Computed: true,
				MarkdownDescription: "The run's status: one of `" + joinStatuses("`, `") + "`. A run whose status is final " +
					"(`completed`, `completedWithErrors`, `completedWithWarnings`, `failed`) cannot change status again; " +
					"`running` cannot have an `end_date_time`. Checked at plan time.",
				Validators:    []validator.String{stringvalidator.OneOf(settableStatuses...)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"blocking_error": blockingError,
			"statistics":     statistics,
			"wait_for_completion": schema.BoolAttribute{
				Optional: true, Computed: true, Default: booldefault.StaticBool(false),
				MarkdownDescription: "When creating, wait until the run's status is final (within the create timeout), reading it every 5 s " +
					"at first and less often as time passes (at most every 30 s). A run the resource starts is then judged by " +
					"`fail_on_statuses`, `max_errors` and `max_warnings`. Defaults to `false`.",
			},
			"fail_on_statuses": schema.SetAttribute{
				Optional: true, ElementType: types.StringType,
				MarkdownDescription: "With `wait_for_completion = true`, the final statuses that fail the apply; `[\"failed\"]` when not set, " +
					"`[]` for none. Each is one of `" + strings.Join(finalStatuses, "`, `") + "` (checked at plan time). " +
					"Only for a run the resource starts.",
				Validators: []validator.Set{setvalidator.ValueStringsAre(stringvalidator.OneOf(finalStatuses...))},
			},
			"max_errors": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: "With `wait_for_completion = true`, the most errors the run may report (`statistics.inbound_totals.errors`): " +
					"more fail the apply, as many pass. Null (the default) sets no limit. Only for a run the resource starts.",
				Validators: []validator.Int64{int64validator.AtLeast(0)},
			},
			"max_warnings": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: "With `wait_for_completion = true`, the most warnings the run may report (`statistics.inbound_totals.warnings`): " +
					"more fail the apply, as many pass. Null (the default) sets no limit. Only for a run the resource starts.",
				Validators: []validator.Int64{int64validator.AtLeast(0)},
			},
			"triggers": schema.MapAttribute{
				Optional: true, ElementType: types.StringType,
				MarkdownDescription: "Arbitrary strings; when any changes, the resource is replaced, which starts a new run (like " +
					"`terraform_data`'s `triggers_replace`). Use it to make a run follow the setup, e.g. " +
					"`{ connector = industrydata_oneroster_api_connector.sis.id, flow = industrydata_inbound_api_flow.roster.id }` " +
					"or a hash of their configuration. Only for a run the resource starts (not with `run_id`).",
				PlanModifiers: []planmodifier.Map{mapplanmodifier.RequiresReplace()},
			},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
		},
	}
}

// nestedAttrTypes holds the object attribute types of the resource's nested
// attributes, derived once from the schema itself: building the schema costs
// a hundred allocations, and state objects are built for every resource.
var nestedAttrTypes = sync.OnceValue(func() map[string]map[string]attr.Type {
	out := map[string]map[string]attr.Type{}
	for name, a := range resourceSchema(context.Background()).Attributes {
		if t, ok := a.GetType().(types.ObjectType); ok {
			out[name] = t.AttrTypes
		}
	}
	return out
})

// attrTypesOf returns the object attribute types of a nested attribute.
func attrTypesOf(_ context.Context, name string) map[string]attr.Type {
	return nestedAttrTypes()[name]
}
