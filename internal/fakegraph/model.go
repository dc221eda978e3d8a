package fakegraph

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Run is the Go view of a microsoft.graph.industryData.industryDataRun.
// Its JSON form is internal: the fake renders it exactly as Graph does.
type Run struct {
	ID            string
	DisplayName   string
	StartDateTime time.Time
	EndDateTime   *time.Time // nil while the run is running
	Status        string     // industryDataRunStatus
	BlockingError *PublicError
	Statistics    *RunStatistics
	Activities    []RunActivity
}

// PublicError is microsoft.graph.publicError (details and innerError are
// always rendered empty).
type PublicError struct {
	Code, Message, Target string
}

// RunActivity is one industryDataRunActivity of a run. Graph's type is
// abstract; the fake renders every activity as an inboundFlowActivity
// (assumption: School Data Sync runs are made of inbound flows).
type RunActivity struct {
	ID, DisplayName, Status string // Status is an industryDataActivityStatus
	BlockingError           *PublicError
}

// RunStatistics is microsoft.graph.industryData.industryDataRunStatistics.
type RunStatistics struct {
	RunID, Status      string
	ActivityStatistics []ActivityStatistics
	InboundTotals      *AggregatedInboundStatistics
}

// ActivityStatistics is industryDataActivityStatistics, or its subtype
// inboundActivityResults when Inbound is not nil.
type ActivityStatistics struct {
	ActivityID, DisplayName, Status string
	Inbound                         *InboundActivityResults
}

// InboundActivityResults holds the fields inboundActivityResults adds.
type InboundActivityResults struct {
	Errors, Warnings                           int32
	Groups, Memberships, Organizations, People EntityCount
	MatchedPeopleByRole, UnmatchedPeopleByRole []RoleCount
}

// EntityCount is industryDataRunEntityCountMetric.
type EntityCount struct {
	Active, Inactive, Total int32
}

// RoleCount is industryDataRunRoleCountMetric.
type RoleCount struct {
	Role  string
	Count int32
}

// AggregatedInboundStatistics is aggregatedInboundStatistics.
type AggregatedInboundStatistics struct {
	Errors, Warnings, Groups, Memberships, Organizations, People int32
	MatchedPeopleByRole, UnmatchedPeopleByRole                   []RoleCount
}

// Run statuses (industryDataRunStatus). unknownFutureValue is Graph's
// evolvable-enum sentinel: the service may report it, a client never sets it.
const (
	statusRunning               = "running"
	statusFailed                = "failed"
	statusCompleted             = "completed"
	statusCompletedWithErrors   = "completedWithErrors"
	statusCompletedWithWarnings = "completedWithWarnings"
	statusUnknownFutureValue    = "unknownFutureValue"
)

// isFinal reports whether a run in status s has ended.
func isFinal(s string) bool {
	switch s {
	case statusCompleted, statusCompletedWithErrors, statusCompletedWithWarnings, statusFailed:
		return true
	}
	return false
}

// OData type names, without the leading '#'.
const (
	nsIndustryData             = "microsoft.graph.industryData."
	typeRun                    = nsIndustryData + "industryDataRun"
	typeRunSeed                = nsIndustryData + "run" // the seed document's name for the same type
	typeRunStatistics          = nsIndustryData + "industryDataRunStatistics"
	typeRunStatisticsSeed      = nsIndustryData + "runStatistics"
	typeActivityStatistics     = nsIndustryData + "industryDataActivityStatistics"
	typeInboundActivityResults = nsIndustryData + "inboundActivityResults"
	typeRunActivity            = nsIndustryData + "industryDataRunActivity"
	typeInboundFlowActivity    = nsIndustryData + "inboundFlowActivity"
	typeOutboundFlowActivity   = nsIndustryData + "outboundFlowActivity"
	typeLongRunningOperation   = "microsoft.graph.longRunningOperation"
)

// graphTimeLayout is how the service writes every DateTimeOffset: UTC with
// exactly six fractional digits, e.g. 2023-11-01T11:10:46.924769Z.
const graphTimeLayout = "2006-01-02T15:04:05.000000Z"

func formatTime(t time.Time) string { return t.UTC().Format(graphTimeLayout) }

// parseTime accepts any RFC 3339 time (any offset, any fraction) and stores
// it the way the service does: UTC, truncated to microseconds.
func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, err
	}
	return normalizeTime(t), nil
}

func normalizeTime(t time.Time) time.Time { return t.UTC().Truncate(time.Microsecond) }

// ---- JSON shapes ----------------------------------------------------------

type runJSON struct {
	Context       string           `json:"@odata.context,omitempty"`
	Type          string           `json:"@odata.type"`
	ID            string           `json:"id"`
	DisplayName   string           `json:"displayName"`
	StartDateTime string           `json:"startDateTime"`
	EndDateTime   *string          `json:"endDateTime"`
	Status        string           `json:"status"`
	BlockingError *publicErrorJSON `json:"blockingError"`
	Statistics    *statisticsJSON  `json:"statistics,omitempty"`
	Activities    *[]activityJSON  `json:"activities,omitempty"`
}

type publicErrorJSON struct {
	Code       string  `json:"code"`
	Message    string  `json:"message"`
	Target     *string `json:"target"`
	Details    []any   `json:"details"`
	InnerError any     `json:"innerError"`
}

type activityJSON struct {
	Context       string           `json:"@odata.context,omitempty"`
	Type          string           `json:"@odata.type"`
	ID            string           `json:"id"`
	DisplayName   string           `json:"displayName"`
	Status        string           `json:"status"`
	BlockingError *publicErrorJSON `json:"blockingError"`
}

type statisticsJSON struct {
	Context            string                   `json:"@odata.context,omitempty"`
	Type               string                   `json:"@odata.type"`
	RunID              *string                  `json:"runId"`
	Status             *string                  `json:"status"`
	ActivityStatistics []activityStatisticsJSON `json:"activityStatistics"`
	InboundTotals      *aggregatedJSON          `json:"inboundTotals"`
}

// activityStatisticsJSON is flat on purpose: the subtype's fields are
// pointers, so a plain industryDataActivityStatistics renders without them
// and an inboundActivityResults renders them even when zero.
type activityStatisticsJSON struct {
	Type                  string           `json:"@odata.type"`
	ActivityID            string           `json:"activityId"`
	DisplayName           string           `json:"displayName"`
	Status                string           `json:"status"`
	Errors                *int32           `json:"errors,omitempty"`
	Warnings              *int32           `json:"warnings,omitempty"`
	Groups                *entityCountJSON `json:"groups,omitempty"`
	Memberships           *entityCountJSON `json:"memberships,omitempty"`
	Organizations         *entityCountJSON `json:"organizations,omitempty"`
	People                *entityCountJSON `json:"people,omitempty"`
	MatchedPeopleByRole   *[]roleCountJSON `json:"matchedPeopleByRole,omitempty"`
	UnmatchedPeopleByRole *[]roleCountJSON `json:"unmatchedPeopleByRole,omitempty"`
}

type entityCountJSON struct {
	Active   int32 `json:"active"`
	Inactive int32 `json:"inactive"`
	Total    int32 `json:"total"`
}

type roleCountJSON struct {
	Role  string `json:"role"`
	Count int32  `json:"count"`
}

type aggregatedJSON struct {
	Errors                int32           `json:"errors"`
	Warnings              int32           `json:"warnings"`
	Groups                int32           `json:"groups"`
	Memberships           int32           `json:"memberships"`
	Organizations         int32           `json:"organizations"`
	People                int32           `json:"people"`
	MatchedPeopleByRole   []roleCountJSON `json:"matchedPeopleByRole"`
	UnmatchedPeopleByRole []roleCountJSON `json:"unmatchedPeopleByRole"`
}

// ---- Go → JSON ------------------------------------------------------------

// runToJSON renders a run. stats, when not nil, is inlined as "statistics";
// activities are included only when expanded.
func runToJSON(r Run, stats *RunStatistics, expandActivities bool) runJSON {
	j := runJSON{
		Type:          "#" + typeRun,
		ID:            r.ID,
		DisplayName:   r.DisplayName,
		StartDateTime: formatTime(r.StartDateTime),
		Status:        r.Status,
		BlockingError: publicErrorToJSON(r.BlockingError),
	}
	if r.EndDateTime != nil {
		s := formatTime(*r.EndDateTime)
		j.EndDateTime = &s
	}
	if stats != nil {
		sj := statisticsToJSON(*stats)
		j.Statistics = &sj
	}
	if expandActivities {
		acts := make([]activityJSON, len(r.Activities))
		for i, a := range r.Activities {
			acts[i] = activityToJSON(a)
		}
		j.Activities = &acts
	}
	return j
}

func activityToJSON(a RunActivity) activityJSON {
	return activityJSON{
		Type:          "#" + typeInboundFlowActivity,
		ID:            a.ID,
		DisplayName:   a.DisplayName,
		Status:        a.Status,
		BlockingError: publicErrorToJSON(a.BlockingError),
	}
}

func publicErrorToJSON(e *PublicError) *publicErrorJSON {
	if e == nil {
		return nil
	}
	j := &publicErrorJSON{Code: e.Code, Message: e.Message, Details: []any{}}
	if e.Target != "" {
		j.Target = &e.Target
	}
	return j
}

func statisticsToJSON(s RunStatistics) statisticsJSON {
	j := statisticsJSON{
		Type:               "#" + typeRunStatistics,
		RunID:              nonEmpty(s.RunID),
		Status:             nonEmpty(s.Status),
		ActivityStatistics: make([]activityStatisticsJSON, len(s.ActivityStatistics)),
		InboundTotals:      aggregatedToJSON(s.InboundTotals),
	}
	for i, a := range s.ActivityStatistics {
		j.ActivityStatistics[i] = activityStatisticsToJSON(a)
	}
	return j
}

func activityStatisticsToJSON(a ActivityStatistics) activityStatisticsJSON {
	j := activityStatisticsJSON{
		Type:        "#" + typeActivityStatistics,
		ActivityID:  a.ActivityID,
		DisplayName: a.DisplayName,
		Status:      a.Status,
	}
	if in := a.Inbound; in != nil {
		j.Type = "#" + typeInboundActivityResults
		j.Errors, j.Warnings = &in.Errors, &in.Warnings
		j.Groups, j.Memberships = entityCountToJSON(in.Groups), entityCountToJSON(in.Memberships)
		j.Organizations, j.People = entityCountToJSON(in.Organizations), entityCountToJSON(in.People)
		matched, unmatched := rolesToJSON(in.MatchedPeopleByRole), rolesToJSON(in.UnmatchedPeopleByRole)
		j.MatchedPeopleByRole, j.UnmatchedPeopleByRole = &matched, &unmatched
	}
	return j
}

func entityCountToJSON(c EntityCount) *entityCountJSON {
	return &entityCountJSON{Active: c.Active, Inactive: c.Inactive, Total: c.Total}
}

// aggregatedToJSON renders zero totals for nil: Graph always reports totals.
func aggregatedToJSON(a *AggregatedInboundStatistics) *aggregatedJSON {
	if a == nil {
		a = &AggregatedInboundStatistics{}
	}
	return &aggregatedJSON{
		Errors: a.Errors, Warnings: a.Warnings, Groups: a.Groups,
		Memberships: a.Memberships, Organizations: a.Organizations, People: a.People,
		MatchedPeopleByRole:   rolesToJSON(a.MatchedPeopleByRole),
		UnmatchedPeopleByRole: rolesToJSON(a.UnmatchedPeopleByRole),
	}
}

// rolesToJSON never returns nil: collections render as [], not null.
func rolesToJSON(rs []RoleCount) []roleCountJSON {
	out := make([]roleCountJSON, len(rs))
	for i, r := range rs {
		out[i] = roleCountJSON(r)
	}
	return out
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// ---- JSON → Go (seed files and PATCH bodies, already schema-validated) ----

func runFromJSON(j runJSON) (Run, error) {
	if j.ID == "" {
		return Run{}, fmt.Errorf("run without id")
	}
	if j.Status == "" {
		return Run{}, fmt.Errorf("run %s: missing status", j.ID)
	}
	start, err := parseTime(j.StartDateTime)
	if err != nil {
		return Run{}, fmt.Errorf("run %s: startDateTime: %w", j.ID, err)
	}
	r := Run{
		ID:            j.ID,
		DisplayName:   j.DisplayName,
		StartDateTime: start,
		Status:        j.Status,
		BlockingError: publicErrorFromJSON(j.BlockingError),
	}
	if j.EndDateTime != nil {
		end, err := parseTime(*j.EndDateTime)
		if err != nil {
			return Run{}, fmt.Errorf("run %s: endDateTime: %w", j.ID, err)
		}
		r.EndDateTime = &end
	}
	if j.Statistics != nil {
		s := statisticsFromJSON(*j.Statistics)
		r.Statistics = &s
	}
	if j.Activities != nil {
		for _, a := range *j.Activities {
			r.Activities = append(r.Activities, RunActivity{
				ID: a.ID, DisplayName: a.DisplayName, Status: a.Status,
				BlockingError: publicErrorFromJSON(a.BlockingError),
			})
		}
	}
	return r, nil
}

func publicErrorFromJSON(j *publicErrorJSON) *PublicError {
	if j == nil {
		return nil
	}
	e := &PublicError{Code: j.Code, Message: j.Message}
	if j.Target != nil {
		e.Target = *j.Target
	}
	return e
}

func statisticsFromJSON(j statisticsJSON) RunStatistics {
	s := RunStatistics{}
	if j.RunID != nil {
		s.RunID = *j.RunID
	}
	if j.Status != nil {
		s.Status = *j.Status
	}
	for _, a := range j.ActivityStatistics {
		s.ActivityStatistics = append(s.ActivityStatistics, activityStatisticsFromJSON(a))
	}
	if t := j.InboundTotals; t != nil {
		s.InboundTotals = &AggregatedInboundStatistics{
			Errors: t.Errors, Warnings: t.Warnings, Groups: t.Groups,
			Memberships: t.Memberships, Organizations: t.Organizations, People: t.People,
			MatchedPeopleByRole:   rolesFromJSON(t.MatchedPeopleByRole),
			UnmatchedPeopleByRole: rolesFromJSON(t.UnmatchedPeopleByRole),
		}
	}
	return s
}

func activityStatisticsFromJSON(j activityStatisticsJSON) ActivityStatistics {
	a := ActivityStatistics{ActivityID: j.ActivityID, DisplayName: j.DisplayName, Status: j.Status}
	if strings.TrimPrefix(j.Type, "#") != typeInboundActivityResults {
		return a
	}
	in := &InboundActivityResults{
		Errors: deref(j.Errors), Warnings: deref(j.Warnings),
		Groups: entityCountFromJSON(j.Groups), Memberships: entityCountFromJSON(j.Memberships),
		Organizations: entityCountFromJSON(j.Organizations), People: entityCountFromJSON(j.People),
	}
	if j.MatchedPeopleByRole != nil {
		in.MatchedPeopleByRole = rolesFromJSON(*j.MatchedPeopleByRole)
	}
	if j.UnmatchedPeopleByRole != nil {
		in.UnmatchedPeopleByRole = rolesFromJSON(*j.UnmatchedPeopleByRole)
	}
	a.Inbound = in
	return a
}

func entityCountFromJSON(j *entityCountJSON) EntityCount {
	if j == nil {
		return EntityCount{}
	}
	return EntityCount{Active: j.Active, Inactive: j.Inactive, Total: j.Total}
}

func rolesFromJSON(js []roleCountJSON) []RoleCount {
	var out []RoleCount
	for _, j := range js {
		out = append(out, RoleCount(j))
	}
	return out
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// ---- copies ---------------------------------------------------------------

// cloneRun returns a deep copy, normalised like the service stores it, so
// that neither the caller nor the server can change the other's data.
func cloneRun(r Run) Run {
	c := r
	c.StartDateTime = normalizeTime(r.StartDateTime)
	if r.EndDateTime != nil {
		end := normalizeTime(*r.EndDateTime)
		c.EndDateTime = &end
	}
	c.BlockingError = clonePtr(r.BlockingError)
	c.Statistics = cloneStatistics(r.Statistics)
	c.Activities = slices.Clone(r.Activities)
	for i := range c.Activities {
		c.Activities[i].BlockingError = clonePtr(c.Activities[i].BlockingError)
	}
	return c
}

func cloneStatistics(s *RunStatistics) *RunStatistics {
	if s == nil {
		return nil
	}
	c := *s
	c.ActivityStatistics = slices.Clone(s.ActivityStatistics)
	for i, a := range c.ActivityStatistics {
		if a.Inbound != nil {
			in := *a.Inbound
			in.MatchedPeopleByRole = slices.Clone(in.MatchedPeopleByRole)
			in.UnmatchedPeopleByRole = slices.Clone(in.UnmatchedPeopleByRole)
			c.ActivityStatistics[i].Inbound = &in
		}
	}
	if s.InboundTotals != nil {
		t := *s.InboundTotals
		t.MatchedPeopleByRole = slices.Clone(t.MatchedPeopleByRole)
		t.UnmatchedPeopleByRole = slices.Clone(t.UnmatchedPeopleByRole)
		c.InboundTotals = &t
	}
	return &c
}

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	c := *p
	return &c
}

// ---- statistics arithmetic ------------------------------------------------

// addTotals adds src into dst, merging role counts by role name.
func addTotals(dst *AggregatedInboundStatistics, src AggregatedInboundStatistics) {
	dst.Errors += src.Errors
	dst.Warnings += src.Warnings
	dst.Groups += src.Groups
	dst.Memberships += src.Memberships
	dst.Organizations += src.Organizations
	dst.People += src.People
	dst.MatchedPeopleByRole = mergeRoles(dst.MatchedPeopleByRole, src.MatchedPeopleByRole)
	dst.UnmatchedPeopleByRole = mergeRoles(dst.UnmatchedPeopleByRole, src.UnmatchedPeopleByRole)
}

// mergeRoles sums counts per role, keeping the order of first appearance.
func mergeRoles(dst, src []RoleCount) []RoleCount {
	for _, r := range src {
		if i := slices.IndexFunc(dst, func(d RoleCount) bool { return d.Role == r.Role }); i >= 0 {
			dst[i].Count += r.Count
		} else {
			dst = append(dst, r)
		}
	}
	return dst
}

// totalsOf sums the inbound activities' results the way the service
// computes inboundTotals: entity counts by their totals.
func totalsOf(acts []ActivityStatistics) *AggregatedInboundStatistics {
	t := &AggregatedInboundStatistics{}
	for _, a := range acts {
		if in := a.Inbound; in != nil {
			addTotals(t, AggregatedInboundStatistics{
				Errors: in.Errors, Warnings: in.Warnings,
				Groups: in.Groups.Total, Memberships: in.Memberships.Total,
				Organizations: in.Organizations.Total, People: in.People.Total,
				MatchedPeopleByRole: in.MatchedPeopleByRole, UnmatchedPeopleByRole: in.UnmatchedPeopleByRole,
			})
		}
	}
	return t
}
