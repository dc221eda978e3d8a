package run

import (
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/timetypes"
)

// Attribute descriptions, shared by the data sources (and, later, the resource).
const (
	descID            = "The run's id (a GUID)."
	descDisplayName   = "The run's display name, e.g. `Run 2023-11-01 11:10 UTC`."
	descStartDateTime = "When the run started, RFC 3339. Compared by instant: `2024-05-01T10:00:00+02:00` equals `2024-05-01T08:00:00Z`."
	descEndDateTime   = "When the run ended, RFC 3339; null while the run is running."
	descStatus        = "The run's status: `running`, `failed` (canceled by the system), `completed`, `completedWithErrors` or `completedWithWarnings`; `unknownFutureValue` for a status newer than this provider."
	descBlockingError = "The error that stopped the run, if any."
	descStatistics    = "The run's statistics: per activity, and totals of what was read inbound."
)

func dataSourceRunAttributes(idRequired bool) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"id":              schema.StringAttribute{Required: idRequired, Computed: !idRequired, MarkdownDescription: descID},
		"display_name":    schema.StringAttribute{Computed: true, MarkdownDescription: descDisplayName},
		"start_date_time": schema.StringAttribute{Computed: true, CustomType: timetypes.InstantType{}, MarkdownDescription: descStartDateTime},
		"end_date_time":   schema.StringAttribute{Computed: true, CustomType: timetypes.InstantType{}, MarkdownDescription: descEndDateTime},
		"status":          schema.StringAttribute{Computed: true, MarkdownDescription: descStatus},
		"blocking_error": schema.SingleNestedAttribute{
			Computed: true, MarkdownDescription: descBlockingError,
			Attributes: map[string]schema.Attribute{
				"code":    computedString("Graph's error code."),
				"message": computedString("What went wrong."),
				"target":  computedString("The target of the error."),
			},
		},
		"statistics": schema.SingleNestedAttribute{
			Computed: true, MarkdownDescription: descStatistics,
			Attributes: map[string]schema.Attribute{
				"run_id": computedString("The run these statistics belong to."),
				"status": computedString("The run's status when the statistics were taken."),
				"activity_statistics": schema.ListNestedAttribute{
					Computed:            true,
					MarkdownDescription: "One element per activity of the run, in the service's order.",
					NestedObject:        schema.NestedAttributeObject{Attributes: activityAttributes()},
				},
				"inbound_totals": schema.SingleNestedAttribute{
					Computed: true, MarkdownDescription: "Totals over all inbound activities.",
					Attributes: map[string]schema.Attribute{
						"errors":                   computedInt("Errors."),
						"warnings":                 computedInt("Warnings."),
						"groups":                   computedInt("Groups read."),
						"memberships":              computedInt("Memberships read."),
						"organizations":            computedInt("Organizations read."),
						"people":                   computedInt("People read."),
						"matched_people_by_role":   rolesAttribute("People matched to an existing user, by role."),
						"unmatched_people_by_role": rolesAttribute("People not matched to a user, by role."),
					},
				},
			},
		},
	}
}

func activityAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"activity_id":              computedString("The activity's id."),
		"display_name":             computedString("The activity's name."),
		"status":                   computedString("`inProgress`, `skipped`, `failed`, `completed`, `completedWithErrors`, `completedWithWarnings` or `unknownFutureValue`."),
		"type":                     computedString("`inbound` for inbound activity results (which carry the counters below), `activity` otherwise."),
		"errors":                   computedInt("Errors (inbound activities only)."),
		"warnings":                 computedInt("Warnings (inbound activities only)."),
		"groups":                   entityCountAttribute("Groups"),
		"memberships":              entityCountAttribute("Memberships"),
		"organizations":            entityCountAttribute("Organizations"),
		"people":                   entityCountAttribute("People"),
		"matched_people_by_role":   rolesAttribute("People matched to an existing user, by role (inbound activities only)."),
		"unmatched_people_by_role": rolesAttribute("People not matched to a user, by role (inbound activities only)."),
	}
}

func entityCountAttribute(what string) schema.SingleNestedAttribute {
	return schema.SingleNestedAttribute{
		Computed:            true,
		MarkdownDescription: what + " read: active, inactive and total (inbound activities only).",
		Attributes: map[string]schema.Attribute{
			"active":   computedInt("Active."),
			"inactive": computedInt("Inactive."),
			"total":    computedInt("Total."),
		},
	}
}

func rolesAttribute(description string) schema.MapAttribute {
	return schema.MapAttribute{Computed: true, ElementType: types.Int64Type, MarkdownDescription: description + " A map of role to count."}
}

func computedString(d string) schema.StringAttribute {
	return schema.StringAttribute{Computed: true, MarkdownDescription: d}
}

func computedInt(d string) schema.Int64Attribute {
	return schema.Int64Attribute{Computed: true, MarkdownDescription: d}
}
