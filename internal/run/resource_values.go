package run

import (
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The nested objects of state are built value by value rather than with
// types.ObjectValueFrom: its reflection cost ~1 ms and ~9,500 allocations per
// resource and operation (make bench), for a shape that never changes.

func blockingErrorValue(e *blockingErrorModel) types.Object {
	t := nestedAttrTypes()["blocking_error"]
	if e == nil {
		return types.ObjectNull(t)
	}
	return types.ObjectValueMust(t, map[string]attr.Value{"code": e.Code, "message": e.Message, "target": e.Target})
}

func statisticsValue(s *statisticsModel) types.Object {
	t := nestedAttrTypes()["statistics"]
	if s == nil {
		return types.ObjectNull(t)
	}
	activityType := t["activity_statistics"].(types.ListType).ElemType.(types.ObjectType)
	activities := make([]attr.Value, len(s.ActivityStatistics))
	for i, a := range s.ActivityStatistics {
		activities[i] = activityValue(activityType, a)
	}
	return types.ObjectValueMust(t, map[string]attr.Value{
		"run_id":              s.RunID,
		"status":              s.Status,
		"activity_statistics": types.ListValueMust(activityType, activities),
		"inbound_totals":      totalsValue(t["inbound_totals"].(types.ObjectType), s.InboundTotals),
	})
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
