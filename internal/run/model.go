package run

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/industrydata/terraform-provider-industrydata/internal/graph"
	"github.com/industrydata/terraform-provider-industrydata/internal/timetypes"
)

// runModel is a run as Terraform holds it (data source industrydata_run).
type runModel struct {
	ID            types.String        `tfsdk:"id"`
	DisplayName   types.String        `tfsdk:"display_name"`
	StartDateTime timetypes.Instant   `tfsdk:"start_date_time"`
	EndDateTime   timetypes.Instant   `tfsdk:"end_date_time"`
	Status        types.String        `tfsdk:"status"`
	BlockingError *blockingErrorModel `tfsdk:"blocking_error"`
	Statistics    *statisticsModel    `tfsdk:"statistics"`
}

type blockingErrorModel struct {
	Code    types.String `tfsdk:"code"`
	Message types.String `tfsdk:"message"`
	Target  types.String `tfsdk:"target"`
}

type statisticsModel struct {
	RunID              types.String        `tfsdk:"run_id"`
	Status             types.String        `tfsdk:"status"`
	ActivityStatistics []activityModel     `tfsdk:"activity_statistics"`
	InboundTotals      *inboundTotalsModel `tfsdk:"inbound_totals"`
}

// activityModel is one activity's statistics. The counters are null for
// activities that are not inbound (type "activity").
type activityModel struct {
	ActivityID            types.String      `tfsdk:"activity_id"`
	DisplayName           types.String      `tfsdk:"display_name"`
	Status                types.String      `tfsdk:"status"`
	Type                  types.String      `tfsdk:"type"`
	Errors                types.Int64       `tfsdk:"errors"`
	Warnings              types.Int64       `tfsdk:"warnings"`
	Groups                *entityCountModel `tfsdk:"groups"`
	Memberships           *entityCountModel `tfsdk:"memberships"`
	Organizations         *entityCountModel `tfsdk:"organizations"`
	People                *entityCountModel `tfsdk:"people"`
	MatchedPeopleByRole   map[string]int64  `tfsdk:"matched_people_by_role"`
	UnmatchedPeopleByRole map[string]int64  `tfsdk:"unmatched_people_by_role"`
}

type entityCountModel struct {
	Active   types.Int64 `tfsdk:"active"`
	Inactive types.Int64 `tfsdk:"inactive"`
	Total    types.Int64 `tfsdk:"total"`
}

type inboundTotalsModel struct {
	Errors                types.Int64      `tfsdk:"errors"`
	Warnings              types.Int64      `tfsdk:"warnings"`
	Groups                types.Int64      `tfsdk:"groups"`
	Memberships           types.Int64      `tfsdk:"memberships"`
	Organizations         types.Int64      `tfsdk:"organizations"`
	People                types.Int64      `tfsdk:"people"`
	MatchedPeopleByRole   map[string]int64 `tfsdk:"matched_people_by_role"`
	UnmatchedPeopleByRole map[string]int64 `tfsdk:"unmatched_people_by_role"`
}

// Activity types, as shown in activity_statistics[*].type.
const (
	activityTypeInbound = "inbound"
	activityTypePlain   = "activity"
)

// runFromGraph maps a Graph run and its statistics to the Terraform model.
// Pure: no I/O, so it is tested with tables.
func runFromGraph(r *graph.Run, stats *graph.RunStatistics) runModel {
	m := runModel{
		ID:            types.StringValue(r.ID),
		DisplayName:   types.StringValue(r.DisplayName),
		StartDateTime: timetypes.NewInstantPointer(r.StartDateTime),
		EndDateTime:   timetypes.NewInstantPointer(r.EndDateTime),
		Status:        types.StringValue(r.Status),
		Statistics:    statisticsFromGraph(stats),
	}
	if e := r.BlockingError; e != nil {
		m.BlockingError = &blockingErrorModel{
			Code: types.StringValue(e.Code), Message: types.StringValue(e.Message), Target: types.StringValue(e.Target),
		}
	}
	return m
}

func statisticsFromGraph(s *graph.RunStatistics) *statisticsModel {
	if s == nil {
		return nil
	}
	m := &statisticsModel{
		RunID:              types.StringValue(s.RunID),
		Status:             types.StringValue(s.Status),
		ActivityStatistics: make([]activityModel, 0, len(s.Activities)),
	}
	for _, a := range s.Activities {
		m.ActivityStatistics = append(m.ActivityStatistics, activityFromGraph(a))
	}
	if t := s.InboundTotals; t != nil {
		m.InboundTotals = &inboundTotalsModel{
			Errors: int64Of(t.Errors), Warnings: int64Of(t.Warnings), Groups: int64Of(t.Groups),
			Memberships: int64Of(t.Memberships), Organizations: int64Of(t.Organizations), People: int64Of(t.People),
			MatchedPeopleByRole: rolesOf(t.MatchedPeopleByRole), UnmatchedPeopleByRole: rolesOf(t.UnmatchedPeopleByRole),
		}
	}
	return m
}

func activityFromGraph(a graph.ActivityStatistics) activityModel {
	m := activityModel{
		ActivityID:  types.StringValue(a.ActivityID),
		DisplayName: types.StringValue(a.DisplayName),
		Status:      types.StringValue(a.Status),
		Type:        types.StringValue(activityTypePlain),
		Errors:      types.Int64Null(),
		Warnings:    types.Int64Null(),
	}
	if in := a.Inbound; in != nil {
		m.Type = types.StringValue(activityTypeInbound)
		m.Errors, m.Warnings = int64Of(in.Errors), int64Of(in.Warnings)
		m.Groups, m.Memberships = countOf(in.Groups), countOf(in.Memberships)
		m.Organizations, m.People = countOf(in.Organizations), countOf(in.People)
		m.MatchedPeopleByRole, m.UnmatchedPeopleByRole = rolesOf(in.MatchedPeopleByRole), rolesOf(in.UnmatchedPeopleByRole)
	}
	return m
}

func int64Of(v int32) types.Int64 { return types.Int64Value(int64(v)) }

func countOf(c graph.EntityCount) *entityCountModel {
	return &entityCountModel{Active: int64Of(c.Active), Inactive: int64Of(c.Inactive), Total: int64Of(c.Total)}
}

// rolesOf renders role counts as a map, which reads better in plans than a
// list of {role, count} objects. An empty map stays empty (not null) so a
// run without matches shows {}.
func rolesOf(in map[string]int32) map[string]int64 {
	out := make(map[string]int64, len(in))
	for role, n := range in {
		out[role] = int64(n)
	}
	return out
}
