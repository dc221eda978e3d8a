package run

import (
	"context"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The nested objects of state are built value by value rather than with
// types.ObjectValueFrom or State.Set on structs: the framework's reflection
// cost ~1 ms and ~9,500 allocations per run (make bench), for a shape that
// never changes. The data sources and the resource share the shapes of
// blocking_error and statistics (fields.go), so the same builders serve both.

// listedRunType is the object type of an element of industrydata_runs.runs:
// the attributes of the industrydata_run data source, derived once. The list
// data source's schema is built from it, so it cannot be derived from that.
var listedRunType = sync.OnceValue(func() types.ObjectType {
	return dschema.NestedAttributeObject{Attributes: dataSourceRunAttributes(false)}.Type().(types.ObjectType)
})

// listedRunsTerraformType is the Terraform type of industrydata_runs.runs.
var listedRunsTerraformType = sync.OnceValue(func() tftypes.Type {
	return types.ListType{ElemType: listedRunType()}.TerraformType(context.Background())
})

// runsValue is the runs attribute of industrydata_runs.
func runsValue(runs []runModel) types.List {
	t := listedRunType()
	elems := make([]attr.Value, len(runs))
	for i, m := range runs {
		elems[i] = types.ObjectValueMust(t.AttrTypes, map[string]attr.Value{
			"id": m.ID, "display_name": m.DisplayName, "status": m.Status,
			"start_date_time": m.StartDateTime, "end_date_time": m.EndDateTime,
			"blocking_error": blockingErrorValue(m.BlockingError),
			"statistics":     statisticsValue(t.AttrTypes["statistics"].(types.ObjectType).AttrTypes, m.Statistics),
		})
	}
	return types.ListValueMust(t, elems)
}

func blockingErrorValue(e *blockingErrorModel) types.Object {
	t := nestedAttrTypes()["blocking_error"]
	if e == nil {
		return types.ObjectNull(t)
	}
	return types.ObjectValueMust(t, map[string]attr.Value{"code": e.Code, "message": e.Message, "target": e.Target})
}

// statisticsValue builds statistics of type t: the resource's headline
// numbers, or with activity_statistics when t has it (the data sources).
func statisticsValue(t map[string]attr.Type, s *statisticsModel) types.Object {
	if s == nil {
		return types.ObjectNull(t)
	}
	attrs := map[string]attr.Value{
		"run_id":         s.RunID,
		"status":         s.Status,
		"inbound_totals": totalsValue(t["inbound_totals"].(types.ObjectType), s.InboundTotals),
	}
	if listType, ok := t["activity_statistics"].(types.ListType); ok {
		activityType := listType.ElemType.(types.ObjectType)
		activities := make([]attr.Value, len(s.ActivityStatistics))
		for i, a := range s.ActivityStatistics {
			activities[i] = activityValue(activityType, a)
		}
		attrs["activity_statistics"] = types.ListValueMust(activityType, activities)
	}
	return types.ObjectValueMust(t, attrs)
}

func activityValue(t types.ObjectType, a activityModel) attr.Value {
	countType := t.AttrTypes["groups"].(types.ObjectType)
	return types.ObjectValueMust(t.AttrTypes, map[string]attr.Value{
		"activity_id": a.ActivityID, "display_name": a.DisplayName, "status": a.Status, "type": a.Type,
		"errors": a.Errors, "warnings": a.Warnings,
		"groups": countValue(countType, a.Groups), "memberships": countValue(countType, a.Memberships),
		"organizations": countValue(countType, a.Organizations), "people": countValue(countType, a.People),
		"matched_people_by_role":   rolesValue(a.MatchedPeopleByRole),
		"unmatched_people_by_role": rolesValue(a.UnmatchedPeopleByRole),
	})
}

func totalsValue(t types.ObjectType, m *inboundTotalsModel) attr.Value {
	if m == nil {
		return types.ObjectNull(t.AttrTypes)
	}
	return types.ObjectValueMust(t.AttrTypes, map[string]attr.Value{
		"errors": m.Errors, "warnings": m.Warnings, "groups": m.Groups, "memberships": m.Memberships,
		"organizations": m.Organizations, "people": m.People,
		"matched_people_by_role":   rolesValue(m.MatchedPeopleByRole),
		"unmatched_people_by_role": rolesValue(m.UnmatchedPeopleByRole),
	})
}

func countValue(t types.ObjectType, c *entityCountModel) attr.Value {
	if c == nil {
		return types.ObjectNull(t.AttrTypes)
	}
	return types.ObjectValueMust(t.AttrTypes, map[string]attr.Value{"active": c.Active, "inactive": c.Inactive, "total": c.Total})
}

// rolesValue keeps nil null and an empty map empty, as reflection did.
func rolesValue(m map[string]int64) attr.Value {
	if m == nil {
		return types.MapNull(types.Int64Type)
	}
	elems := make(map[string]attr.Value, len(m))
	for role, n := range m {
		elems[role] = types.Int64Value(n)
	}
	return types.MapValueMust(types.Int64Type, elems)
}
