package run

import (
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// field describes a nested attribute once; the data sources render it as
// computed, the resource as optional and computed. The framework's two
// schema packages have distinct types, so the tree is written once here
// rather than twice by hand.
type field struct {
	name     string
	desc     string
	kind     fieldKind
	children []field
}

type fieldKind int

const (
	kindString fieldKind = iota
	kindInt
	kindRoleMap // map of role → count
	kindObject
	kindList // list of objects
)

func str(name, desc string) field     { return field{name: name, desc: desc, kind: kindString} }
func integer(name, desc string) field { return field{name: name, desc: desc, kind: kindInt} }
func roles(name, desc string) field {
	return field{name: name, desc: desc + " A map of role to count.", kind: kindRoleMap}
}
func object(name, desc string, children ...field) field {
	return field{name: name, desc: desc, kind: kindObject, children: children}
}
func list(name, desc string, children ...field) field {
	return field{name: name, desc: desc, kind: kindList, children: children}
}

func entityCount(name, what string) field {
	return object(name, what+" read: active, inactive and total (inbound activities only).",
		integer("active", "Active."), integer("inactive", "Inactive."), integer("total", "Total."))
}

var blockingErrorField = object("blocking_error", descBlockingError,
	str("code", "Graph's error code."),
	str("message", "What went wrong."),
	str("target", "The target of the error."),
)

var (
	statisticsRunID  = str("run_id", "The run these statistics belong to.")
	statisticsStatus = str("status", "The run's status when the statistics were taken.")

	activityStatisticsField = list("activity_statistics", "One element per activity of the run, in the service's order.",
		str("activity_id", "The activity's id."),
		str("display_name", "The activity's name."),
		str("status", "`inProgress`, `skipped`, `failed`, `completed`, `completedWithErrors`, `completedWithWarnings` or `unknownFutureValue`."),
		str("type", "`inbound` for inbound activity results (which carry the counters below), `activity` otherwise."),
		integer("errors", "Errors (inbound activities only)."),
		integer("warnings", "Warnings (inbound activities only)."),
		entityCount("groups", "Groups"),
		entityCount("memberships", "Memberships"),
		entityCount("organizations", "Organizations"),
		entityCount("people", "People"),
		roles("matched_people_by_role", "People matched to an existing user, by role (inbound activities only)."),
		roles("unmatched_people_by_role", "People not matched to a user, by role (inbound activities only)."),
	)

	inboundTotalsField = object("inbound_totals", "Totals over all inbound activities.",
		integer("errors", "Errors."),
		integer("warnings", "Warnings."),
		integer("groups", "Groups read."),
		integer("memberships", "Memberships read."),
		integer("organizations", "Organizations read."),
		integer("people", "People read."),
		roles("matched_people_by_role", "People matched to an existing user, by role."),
		roles("unmatched_people_by_role", "People not matched to a user, by role."),
	)

	// statisticsField is what the data sources show: per activity and totals.
	statisticsField = object("statistics", descStatistics,
		statisticsRunID, statisticsStatus, activityStatisticsField, inboundTotalsField)

	// resourceStatisticsField is what industrydata_run keeps in state: the
	// headline numbers. Per-activity detail is ~80 % of a run's state and
	// costs Terraform and the framework on every resource and phase; the data
	// sources read it on demand.
	resourceStatisticsField = object("statistics", descResourceStatistics,
		statisticsRunID, statisticsStatus, inboundTotalsField)
)

func (f field) dataSource() dschema.Attribute {
	switch f.kind {
	case kindInt:
		return dschema.Int64Attribute{Computed: true, MarkdownDescription: f.desc}
	case kindRoleMap:
		return dschema.MapAttribute{Computed: true, ElementType: types.Int64Type, MarkdownDescription: f.desc}
	case kindObject:
		return dschema.SingleNestedAttribute{Computed: true, MarkdownDescription: f.desc, Attributes: dataSourceChildren(f.children)}
	case kindList:
		return dschema.ListNestedAttribute{Computed: true, MarkdownDescription: f.desc,
			NestedObject: dschema.NestedAttributeObject{Attributes: dataSourceChildren(f.children)}}
	}
	return dschema.StringAttribute{Computed: true, MarkdownDescription: f.desc}
}

func dataSourceChildren(fields []field) map[string]dschema.Attribute {
	out := make(map[string]dschema.Attribute, len(fields))
	for _, c := range fields {
		out[c.name] = c.dataSource()
	}
	return out
}

// resource renders the field for the resource: optional (the seed's PATCH
// accepts it) and computed, or computed only.
func (f field) resource(optional bool) rschema.Attribute {
	computed := true
	switch f.kind {
	case kindInt:
		return rschema.Int64Attribute{Optional: optional, Computed: computed, MarkdownDescription: f.desc}
	case kindRoleMap:
		return rschema.MapAttribute{Optional: optional, Computed: computed, ElementType: types.Int64Type, MarkdownDescription: f.desc}
	case kindObject:
		return rschema.SingleNestedAttribute{Optional: optional, Computed: computed, MarkdownDescription: f.desc,
			Attributes: resourceChildren(f.children, optional)}
	case kindList:
		return rschema.ListNestedAttribute{Optional: optional, Computed: computed, MarkdownDescription: f.desc,
			NestedObject: rschema.NestedAttributeObject{Attributes: resourceChildren(f.children, optional)}}
	}
	return rschema.StringAttribute{Optional: optional, Computed: computed, MarkdownDescription: f.desc}
}

func resourceChildren(fields []field, optional bool) map[string]rschema.Attribute {
	out := make(map[string]rschema.Attribute, len(fields))
	for _, c := range fields {
		out[c.name] = c.resource(optional)
	}
	return out
}
