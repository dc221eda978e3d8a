package fakegraph

import (
	"maps"
	"net/http"
	"slices"
	"strings"
	"time"
)

// The start rule from the reference: at most five successful runs per 12
// hours. Assumption: only starts through the start action count (the
// service's own scheduled runs are not modelled), and the limit answers
// 409 conflict (the reference documents no status).
const (
	maxStartsPerWindow = 5
	startWindow        = 12 * time.Hour
)

// operation is the longRunningOperation a start creates.
type operation struct {
	id, runID string
	created   time.Time
	// validation is set for a connector's validate operation (then runID
	// is empty and connectorID names the connector).
	validation  *ValidationOutcome
	connectorID string
}

type operationJSON struct {
	Context            string  `json:"@odata.context,omitempty"`
	Type               string  `json:"@odata.type"`
	ID                 string  `json:"id"`
	CreatedDateTime    string  `json:"createdDateTime"`
	LastActionDateTime string  `json:"lastActionDateTime"`
	ResourceLocation   string  `json:"resourceLocation"`
	Status             string  `json:"status"`
	StatusDetail       *string `json:"statusDetail"`
}

// progress derives the status from the clock, so that tests can step a
// fake clock through notStarted (first half of the delay), running
// (second half) and succeeded.
func (op operation) progress(now time.Time, delay time.Duration) (status string, lastAction time.Time) {
	elapsed := now.Sub(op.created)
	switch {
	case elapsed >= delay:
		return "succeeded", op.created.Add(delay)
	case elapsed < delay/2:
		return "notStarted", op.created
	default:
		return "running", op.created.Add(delay / 2)
	}
}

func (s *Server) renderOperation(r *http.Request, op operation, context string) any {
	if op.validation != nil {
		return s.renderValidation(r, op, context)
	}
	return s.renderRunOperation(r, op, context)
}

func (s *Server) renderRunOperation(r *http.Request, op operation, context string) operationJSON {
	return s.operationBase(r, op, context, typeLongRunningOperation, "/runs/"+op.runID)
}

// operationBase is what every operation shows, whatever its type: its
// progress on the clock and the resource it works on (a path under the
// industryData root).
func (s *Server) operationBase(r *http.Request, op operation, context, typ, resource string) operationJSON {
	status, last := op.progress(s.now(), s.opDelay)
	return operationJSON{
		Context:            context,
		Type:               "#" + typ,
		ID:                 op.id,
		CreatedDateTime:    formatTime(op.created),
		LastActionDateTime: formatTime(last),
		ResourceLocation:   baseURL(r) + graphBasePath + resource,
		Status:             status,
	}
}

// POST /runs/start: 202 Accepted, no body, Location of the operation.
// The new run exists (status running) from the moment the start is
// accepted; it stays running until changed, as nothing here ends runs.
func (s *Server) startRun(w http.ResponseWriter, r *http.Request, c *call) {
	if err := checkNoParameters(c.body, "microsoft.graph.industryData.start"); err != nil {
		s.writeBadRequest(w, err)
		return
	}
	now := normalizeTime(s.now())
	s.mu.Lock()
	recent := s.startsSinceLocked(now.Add(-startWindow))
	if len(recent) >= maxStartsPerWindow {
		s.mu.Unlock()
		s.writeGraphError(w, http.StatusConflict, codeConflict, "",
			"A new run cannot be started: at most %d runs can be started in %s, and %d were started since %s. The next run can be started after %s.",
			maxStartsPerWindow, "12 hours", len(recent), formatTime(recent[0]), formatTime(recent[0].Add(startWindow)))
		return
	}
	run := Run{
		ID:            newGUID(),
		DisplayName:   "Run " + now.Format("2006-01-02 15:04") + " UTC",
		StartDateTime: now,
		Status:        statusRunning,
	}
	op := operation{id: newGUID(), runID: run.ID, created: now}
	s.runs[run.ID] = run
	if s.runDuration > 0 {
		s.ending = append(s.ending, run.ID)
	}
	s.ops[op.id] = op
	s.markWrittenLocked(run.ID) // for FaultPlan.NotFoundAfterWrite
	s.starts = append(recent, now)
	s.mu.Unlock()

	w.Header().Set("Location", baseURL(r)+graphBasePath+"/operations/"+op.id)
	w.WriteHeader(http.StatusAccepted)
}

// startsSinceLocked returns the starts after since, oldest first.
func (s *Server) startsSinceLocked(since time.Time) []time.Time {
	return slices.DeleteFunc(slices.Clone(s.starts), func(t time.Time) bool { return !t.After(since) })
}

// checkNoParameters accepts an empty body or an empty JSON object for an
// action that takes no parameters, as OData does.
func checkNoParameters(body []byte, action string) error {
	if len(strings.TrimSpace(string(body))) == 0 {
		return nil
	}
	obj, err := parseBody(body)
	if err != nil {
		return err
	}
	for _, m := range obj {
		if !strings.HasPrefix(m.Name, "@") {
			return invalid(m.Name, "The parameter '%s' in the request payload is not a valid parameter for the operation '%s'.", m.Name, action)
		}
	}
	return nil
}

// GET /operations/{id}
func (s *Server) getOperation(w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	op, ok := s.ops[c.params[0]]
	s.mu.Unlock()
	if !ok {
		s.writeNotFound(w, "longRunningOperation", c.params[0])
		return
	}
	writeJSON(w, http.StatusOK, contentTypeGraph, s.renderOperation(r, op, contextURL(r, "external/industryData/operations/$entity")))
}

// GET /operations, oldest first.
func (s *Server) listOperations(w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	ops := slices.Collect(maps.Values(s.ops))
	s.mu.Unlock()
	key := func(op operation) string { return formatTime(op.created) + "\x00" + op.id }
	slices.SortFunc(ops, func(a, b operation) int { return strings.Compare(key(a), key(b)) })
	writeList(s, w, r, c, ops, key,
		func(op operation) any { return s.renderOperation(r, op, "") },
		"external/industryData/operations")
}

// endFinishedRuns completes the started runs whose RunDuration has passed,
// as the service does when a run finishes. It runs before each Graph
// request, so what a client sees depends only on the clock.
func (s *Server) endFinishedRuns() {
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ending = slices.DeleteFunc(s.ending, func(id string) bool {
		run, ok := s.runs[id]
		if !ok || run.Status != statusRunning {
			return true // deleted or ended by a PATCH
		}
		end := run.StartDateTime.Add(s.runDuration)
		if now.Before(end) {
			return false
		}
		s.runs[id] = s.runOutcome.endRun(run, end)
		return true
	})
}
