package graph

import (
	"context"
	"fmt"
	"sort"
	"time"

	absser "github.com/microsoft/kiota-abstractions-go/serialization"
	jsonser "github.com/microsoft/kiota-serialization-json-go"

	"github.com/microsoftgraph/msgraph-beta-sdk-go/external"
	"github.com/microsoftgraph/msgraph-beta-sdk-go/models/industrydata"
)

// Run is an industryDataRun as plain Go values. Times are as the service sent
// them (UTC); nil means absent.
type Run struct {
	ID            string
	DisplayName   string
	StartDateTime *time.Time
	EndDateTime   *time.Time
	Status        string
	BlockingError *PublicError
	// Statistics is set only when the service included them in the run body;
	// otherwise GetRunStatistics reads them.
	Statistics *RunStatistics
}

// PublicError is Graph's publicError, as found in a run's blockingError.
type PublicError struct {
	Code, Message, Target string
}

// RunStatistics is an industryDataRunStatistics.
type RunStatistics struct {
	RunID         string
	Status        string
	Activities    []ActivityStatistics
	InboundTotals *InboundTotals
}

// ActivityStatistics is an industryDataActivityStatistics; Inbound is set when
// the element is the inboundActivityResults subtype.
type ActivityStatistics struct {
	ActivityID  string
	DisplayName string
	Status      string
	Inbound     *InboundActivityResults
}

// InboundActivityResults are the counters of an inbound activity.
type InboundActivityResults struct {
	Errors, Warnings                           int32
	Groups, Memberships, Organizations, People EntityCount
	MatchedPeopleByRole, UnmatchedPeopleByRole map[string]int32
}

// EntityCount is an industryDataRunEntityCountMetric.
type EntityCount struct {
	Active, Inactive, Total int32
}

// InboundTotals is an aggregatedInboundStatistics.
type InboundTotals struct {
	Errors, Warnings, Groups, Memberships, Organizations, People int32
	MatchedPeopleByRole, UnmatchedPeopleByRole                   map[string]int32
}

func (c *Client) runs() *external.IndustryDataRunsRequestBuilder { return c.industryData.Runs() }

// GetRun reads one run.
func (c *Client) GetRun(ctx context.Context, id string) (*Run, error) {
	op := "reading industry data run " + id
	body, err := c.getItem(ctx, KindReadRun, op, c.collectionURL("runs", id))
	if err != nil {
		return nil, err
	}
	run, err := decodeSDK[*runBody](body, createRunBody)
	if err != nil {
		return nil, fmt.Errorf("%s: reading the answer: %w", op, err)
	}
	return run.toRun(), nil
}

// ListRuns reads every run, following @odata.nextLink until the last page.
func (c *Client) ListRuns(ctx context.Context) ([]Run, error) {
	var out []Run
	err := c.listPages(ctx, KindListRuns, "listing industry data runs", c.collectionURL("runs"), func(body []byte) (string, error) {
		page, err := decodeSDK[*runPage](body, createRunPage)
		if err != nil {
			return "", err
		}
		for _, r := range page.value {
			out = append(out, *r.toRun())
		}
		return page.nextLink, nil
	})
	return out, err
}

// decodeSDK reads a body with the SDK's JSON parse node into a model of the
// SDK's (or one extending it), as kiota would have.
func decodeSDK[M absser.Parsable](body []byte, factory absser.ParsableFactory) (M, error) {
	var zero M
	node, err := jsonser.NewJsonParseNode(body)
	if err != nil {
		return zero, err
	}
	v, err := node.GetObjectValue(factory)
	if err != nil || v == nil {
		return zero, err
	}
	return v.(M), nil
}

// GetRunStatistics reads a run's statistics through the getStatistics function.
func (c *Client) GetRunStatistics(ctx context.Context, id string) (*RunStatistics, error) {
	op := "reading statistics of industry data run " + id
	res, err := c.runs().ByIndustryDataRunId(id).MicrosoftGraphIndustryDataGetStatistics().Get(ctx, nil)
	if err != nil {
		return nil, wrapErrorKind(KindReadRunStatistics, op, err)
	}
	return statisticsFromSDK(res), nil
}

func statisticsFromSDK(s industrydata.IndustryDataRunStatisticsable) *RunStatistics {
	if s == nil {
		return nil
	}
	out := &RunStatistics{RunID: deref(s.GetRunId()), Status: runStatus(s.GetStatus())}
	for _, a := range s.GetActivityStatistics() {
		out.Activities = append(out.Activities, activityFromSDK(a))
	}
	if t := s.GetInboundTotals(); t != nil {
		out.InboundTotals = &InboundTotals{
			Errors: deref(t.GetErrors()), Warnings: deref(t.GetWarnings()),
			Groups: deref(t.GetGroups()), Memberships: deref(t.GetMemberships()),
			Organizations: deref(t.GetOrganizations()), People: deref(t.GetPeople()),
			MatchedPeopleByRole:   rolesFromSDK(t.GetMatchedPeopleByRole()),
			UnmatchedPeopleByRole: rolesFromSDK(t.GetUnmatchedPeopleByRole()),
		}
	}
	return out
}

func activityFromSDK(a industrydata.IndustryDataActivityStatisticsable) ActivityStatistics {
	out := ActivityStatistics{ActivityID: deref(a.GetActivityId()), DisplayName: deref(a.GetDisplayName())}
	if st := a.GetStatus(); st != nil {
		out.Status = st.String()
	}
	if in, ok := a.(industrydata.InboundActivityResultsable); ok {
		out.Inbound = &InboundActivityResults{
			Errors: deref(in.GetErrors()), Warnings: deref(in.GetWarnings()),
			Groups: countFromSDK(in.GetGroups()), Memberships: countFromSDK(in.GetMemberships()),
			Organizations: countFromSDK(in.GetOrganizations()), People: countFromSDK(in.GetPeople()),
			MatchedPeopleByRole:   rolesFromSDK(in.GetMatchedPeopleByRole()),
			UnmatchedPeopleByRole: rolesFromSDK(in.GetUnmatchedPeopleByRole()),
		}
	}
	return out
}

func countFromSDK(m industrydata.IndustryDataRunEntityCountMetricable) EntityCount {
	if m == nil {
		return EntityCount{}
	}
	return EntityCount{Active: deref(m.GetActive()), Inactive: deref(m.GetInactive()), Total: deref(m.GetTotal())}
}

func rolesFromSDK(metrics []industrydata.IndustryDataRunRoleCountMetricable) map[string]int32 {
	out := make(map[string]int32, len(metrics))
	for _, m := range metrics {
		out[deref(m.GetRole())] += deref(m.GetCount())
	}
	return out
}

// runStatus renders a status; a value this SDK does not know arrives as nil
// and is reported as Graph's evolvable-enum sentinel.
func runStatus(s *industrydata.IndustryDataRunStatus) string {
	if s == nil {
		return "unknownFutureValue"
	}
	return s.String()
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
