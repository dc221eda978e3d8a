package fakegraph

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// Properties $select may name.
var (
	runFields      = []string{"id", "displayName", "startDateTime", "endDateTime", "status", "blockingError", "activities"}
	activityFields = []string{"id", "displayName", "status", "blockingError"}
)

func (s *Server) selectableRunFields() []string {
	if s.inlineStats {
		return append(runFields[:len(runFields):len(runFields)], "statistics")
	}
	return runFields
}

// runView is what $select and $expand ask of a run.
type runView struct {
	fields           []string
	expandActivities bool
}

func (s *Server) parseRunView(q queryOptions) (runView, error) {
	fields, err := q.selection(typeRun, s.selectableRunFields())
	if err != nil {
		return runView{}, err
	}
	expand, err := q.expands(typeRun, "activities")
	return runView{fields: fields, expandActivities: expand}, err
}

// renderRun is the run as Graph shows it: statistics only when the server
// inlines them, activities only when expanded.
func (s *Server) renderRun(r Run, v runView, context string) any {
	var stats *RunStatistics
	if s.inlineStats {
		st := statisticsFor(r)
		stats = &st
	}
	j := runToJSON(r, stats, v.expandActivities)
	j.Context = context
	return applySelect(j, v.fields)
}

// runsPage is one page of the runs in the order GET /runs lists them:
// newest first, as the School Data Sync portal shows them, ties by id.
// [infer] Graph documents no order for the list, so clients must sort for
// themselves; this one differs from the start-time order a client would
// choose, which keeps them honest.
//
// A skiptoken carries no cursor state, so every page sorts the whole history
// again: the sort moves pointers, and only the page's runs are copied (a run
// with statistics is a deep copy), under the lock that guards them.
func (s *Server) runsPage(size int, token string) ([]Run, string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	stored := make([]Run, 0, len(s.runs))
	for _, r := range s.runs {
		stored = append(stored, r)
	}
	ordered := make([]*Run, len(stored))
	for i := range stored {
		ordered[i] = &stored[i]
	}
	slices.SortFunc(ordered, func(a, b *Run) int { // the order of listKey, without formatting keys
		if c := b.StartDateTime.Compare(a.StartDateTime); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	page, next, err := paginate(ordered, func(r *Run) string { return listKey(*r) }, size, token)
	runs := make([]Run, len(page))
	for i, r := range page {
		runs[i] = cloneRun(*r)
	}
	return runs, next, err
}

// lastSecond is the Unix time of 9999-12-31T23:59:59Z, the last second a
// DateTimeOffset can name.
const lastSecond = 253402300799

// listKey orders runs as listed: its string order is newest first, then by
// id. Fixed-width counts down from the last second keep string order equal to
// that order, as paginate needs.
func listKey(r Run) string {
	t := r.StartDateTime.UTC()
	return fmt.Sprintf("%012d.%09d\x00%s", lastSecond-t.Unix(), 999_999_999-t.Nanosecond(), r.ID)
}

// GET /runs
func (s *Server) listRuns(w http.ResponseWriter, r *http.Request, c *call) {
	view, err := s.parseRunView(c.query)
	if err != nil {
		s.writeBadRequest(w, err)
		return
	}
	size, err := c.query.pageSize(s.pageSize)
	if err != nil {
		s.writeBadRequest(w, err)
		return
	}
	page, next, err := s.runsPage(size, c.query["$skiptoken"])
	if err != nil {
		s.writeBadRequest(w, err)
		return
	}
	writePage(w, r, c, page, next, func(run Run) any { return s.renderRun(run, view, "") }, "external/industryData/runs")
}

// GET /runs/{id}
func (s *Server) getRun(w http.ResponseWriter, r *http.Request, c *call) {
	view, err := s.parseRunView(c.query)
	if err != nil {
		s.writeBadRequest(w, err)
		return
	}
	run, ok := s.Run(c.params[0])
	if !ok {
		s.writeNotFound(w, "industryDataRun", c.params[0])
		return
	}
	writeJSON(w, http.StatusOK, contentTypeGraph, s.renderRun(run, view, contextURL(r, "external/industryData/runs/$entity")))
}

// PATCH /runs/{id}. The body is validated before the run is looked up, as
// the service's OData reader deserialises it before the controller runs;
// the rules that need the stored run come after.
func (s *Server) patchRun(w http.ResponseWriter, r *http.Request, c *call) {
	if !requireJSON(s, w, r, c.body) {
		return
	}
	patch, err := parseRunPatch(c.body)
	if err != nil {
		s.writeBadRequest(w, err)
		return
	}
	s.mu.Lock()
	stored, ok := s.runs[c.params[0]]
	var updated Run
	if ok {
		updated, err = patch.apply(cloneRun(stored), s.now())
		if err == nil {
			s.runs[updated.ID] = cloneRun(updated)
		}
	}
	style := s.patchStyle
	s.mu.Unlock()

	switch {
	case !ok:
		s.writeNotFound(w, "industryDataRun", c.params[0])
	case err != nil:
		s.writeBadRequest(w, err)
	case style == PatchNoContent:
		w.WriteHeader(http.StatusNoContent)
	default:
		writeJSON(w, http.StatusOK, contentTypeGraph, s.renderRun(updated, runView{}, contextURL(r, "external/industryData/runs/$entity")))
	}
}

// requireJSON refuses a body that does not declare itself JSON; an absent
// Content-Type is refused too (Graph's OData reader needs the media type).
// An empty body is left to the JSON reader, whose message says it is empty.
func requireJSON(s *Server, w http.ResponseWriter, r *http.Request, body []byte) bool {
	ct := r.Header.Get("Content-Type")
	mediaType, _, _ := strings.Cut(ct, ";")
	if len(body) == 0 || strings.EqualFold(strings.TrimSpace(mediaType), "application/json") {
		return true
	}
	s.writeGraphError(w, http.StatusUnsupportedMediaType, codeUnsupportedType, "",
		"Content-Type '%s' is not supported; use application/json.", ct)
	return false
}

// GET /runs/{id}/getStatistics
func (s *Server) runStatistics(w http.ResponseWriter, r *http.Request, c *call) {
	run, ok := s.Run(c.params[0])
	if !ok {
		s.writeNotFound(w, "industryDataRun", c.params[0])
		return
	}
	s.writeStatistics(w, r, statisticsFor(run))
}

// GET /runs/getStatistics: statistics for the group of all runs.
// Assumption (the reference only says "aggregated"): inboundTotals are
// summed over all runs; runId, status and activityStatistics are those of
// the most recent run; with no runs, runId and status are null.
func (s *Server) aggregateStatistics(w http.ResponseWriter, r *http.Request, c *call) {
	runs := s.Runs()
	agg := RunStatistics{InboundTotals: &AggregatedInboundStatistics{}}
	for _, run := range runs {
		addTotals(agg.InboundTotals, *statisticsFor(run).InboundTotals)
	}
	if len(runs) > 0 {
		latest := statisticsFor(runs[len(runs)-1])
		agg.RunID, agg.Status, agg.ActivityStatistics = latest.RunID, latest.Status, latest.ActivityStatistics
	}
	s.writeStatistics(w, r, agg)
}

func (s *Server) writeStatistics(w http.ResponseWriter, r *http.Request, st RunStatistics) {
	j := statisticsToJSON(st)
	j.Context = contextURL(r, typeRunStatistics)
	writeJSON(w, http.StatusOK, contentTypeGraph, j)
}

// statisticsFor is what getStatistics reports for a run: its stored
// statistics, completed the way the service would fill them (runId, the
// run's status, totals summed from the inbound activities), or empty
// statistics for a run that has none.
func statisticsFor(r Run) RunStatistics {
	st := RunStatistics{}
	if r.Statistics != nil {
		st = *cloneStatistics(r.Statistics)
	}
	st.RunID = cmpOr(st.RunID, r.ID)
	st.Status = cmpOr(st.Status, r.Status)
	if st.InboundTotals == nil {
		st.InboundTotals = totalsOf(st.ActivityStatistics)
	}
	return st
}

// activitiesOf resolves the run and the $select of an activities request,
// answering the error itself when there is one.
func (s *Server) activitiesOf(w http.ResponseWriter, c *call) (Run, []string, bool) {
	fields, err := c.query.selection(typeRunActivity, activityFields)
	if err != nil {
		s.writeBadRequest(w, err)
		return Run{}, nil, false
	}
	run, ok := s.Run(c.params[0])
	if !ok {
		s.writeNotFound(w, "industryDataRun", c.params[0])
	}
	return run, fields, ok
}

// GET /runs/{id}/activities
func (s *Server) listActivities(w http.ResponseWriter, r *http.Request, c *call) {
	run, fields, ok := s.activitiesOf(w, c)
	if !ok {
		return
	}
	// Activities keep the run's order; the key is the position.
	type indexed struct {
		i int
		a RunActivity
	}
	items := make([]indexed, len(run.Activities))
	for i, a := range run.Activities {
		items[i] = indexed{i, a}
	}
	writeList(s, w, r, c, items,
		func(x indexed) string { return fmt.Sprintf("%08d", x.i) },
		func(x indexed) any { return applySelect(activityToJSON(x.a), fields) },
		fmt.Sprintf("external/industryData/runs('%s')/activities", run.ID))
}

// GET /runs/{id}/activities/{aid}
func (s *Server) getActivity(w http.ResponseWriter, r *http.Request, c *call) {
	run, fields, ok := s.activitiesOf(w, c)
	if !ok {
		return
	}
	for _, a := range run.Activities {
		if a.ID == c.params[1] {
			j := activityToJSON(a)
			j.Context = contextURL(r, fmt.Sprintf("external/industryData/runs('%s')/activities/$entity", run.ID))
			writeJSON(w, http.StatusOK, contentTypeGraph, applySelect(j, fields))
			return
		}
	}
	s.writeNotFound(w, "industryDataRunActivity", c.params[1])
}
