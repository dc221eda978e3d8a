package fakegraph

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The start rule from the reference: at most five successful runs per 12
// hours. Assumption: only starts through the start action count (the
// service's own scheduled runs, Options.ScheduledRuns, do not), and the
// limit is answered as Options.StartLimit says (the reference documents no
// status).
const (
	maxStartsPerWindow = 5
	startWindow        = 12 * time.Hour
)

// StartLimitAnswer is how the fake answers a start beyond the limit. Graph
// documents none of them; each is a form a client must recognise.
type StartLimitAnswer int

const (
	// StartLimitConflict answers 409 conflict (the default).
	StartLimitConflict StartLimitAnswer = iota
	// StartLimitTooManyRequests answers 429 with a Retry-After, in seconds,
	// until the oldest start of the window leaves it (hours, typically).
	StartLimitTooManyRequests
	// StartLimitFailedOperation accepts the start (202) and its operation
	// ends failed, without a run. [infer] statusDetail, Graph's only field
	// for why, holds the error as Graph's error body would:
	// {"error":{"code":"conflict","message":"A new run cannot be started: …"}}.
	StartLimitFailedOperation
)

// ReachStartLimit records five starts at the server's current time, as if
// made elsewhere just now (they make no runs): the next start meets the limit.
func (s *Server) ReachStartLimit() {
	now := normalizeTime(s.now())
	s.mu.Lock()
	defer s.mu.Unlock()
	for range maxStartsPerWindow {
		s.starts = append(s.starts, now)
	}
}

// operation is the longRunningOperation a start creates.
type operation struct {
	id, runID string
	created   time.Time
	// validation is set for a connector's validate operation (then runID
	// is empty and connectorID names the connector).
	validation  *ValidationOutcome
	connectorID string
	// pending is the run a start makes once the operation leaves
	// notStarted (Options.DeferRunCreation); nil once made, or without it.
	pending *Run
	// failure is the statusDetail of a start refused by the limit
	// (StartLimitFailedOperation): the operation ends failed, without a run.
	failure string
}

type operationJSON struct {
	Context            string  `json:"@odata.context,omitempty"`
	Type               string  `json:"@odata.type"`
	ID                 string  `json:"id"`
	CreatedDateTime    string  `json:"createdDateTime"`
	LastActionDateTime string  `json:"lastActionDateTime"`
	ResourceLocation   *string `json:"resourceLocation"` // null until there is a run
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
// industryData root), except that a start refused by the limit fails, and
// a start whose run does not exist yet has no resourceLocation.
func (s *Server) operationBase(r *http.Request, op operation, context, typ, resource string) operationJSON {
	status, last := op.progress(s.now(), s.opDelay)
	out := operationJSON{
		Context:            context,
		Type:               "#" + typ,
		ID:                 op.id,
		CreatedDateTime:    formatTime(op.created),
		LastActionDateTime: formatTime(last),
		Status:             status,
	}
	switch {
	case op.failure != "":
		if status == "succeeded" {
			out.Status, out.StatusDetail = "failed", &op.failure
		}
	case op.pending == nil:
		location := baseURL(r) + graphBasePath + resource
		out.ResourceLocation = &location
	}
	return out
}

// POST /runs/start: 202 Accepted, no body, Location of the operation.
// The new run exists (status running) from the moment the start is
// accepted, or with Options.DeferRunCreation once its operation runs; it
// stays running until changed or until Options.RunDuration has passed.
func (s *Server) startRun(w http.ResponseWriter, r *http.Request, c *call) {
	if err := checkNoParameters(c.body, "microsoft.graph.industryData.start"); err != nil {
		s.writeBadRequest(w, err)
		return
	}
	now := normalizeTime(s.now())
	lateReads := s.lateNotFoundReads()
	s.mu.Lock()
	recent := s.startsSinceLocked(now.Add(-startWindow))
	op := operation{id: newGUID(), created: now}
	if len(recent) >= maxStartsPerWindow {
		if !s.refuseStartLocked(w, &op, recent, now) {
			return
		}
	} else {
		run := Run{ID: newGUID(), DisplayName: runDisplayName(now), StartDateTime: now, Status: statusRunning}
		op.runID = run.ID
		if s.deferRuns {
			op.pending = &run
		} else {
			s.addStartedRunLocked(run, lateReads)
		}
		s.starts = append(recent, now)
	}
	s.ops[op.id] = op
	s.mu.Unlock()

	w.Header().Set("Location", baseURL(r)+graphBasePath+"/operations/"+op.id)
	w.WriteHeader(http.StatusAccepted)
}

// refuseStartLocked answers a start beyond the limit as Options.StartLimit
// says. It reports false when it has answered (and released s.mu), true
// when the start is to be accepted with the failure set in op.
func (s *Server) refuseStartLocked(w http.ResponseWriter, op *operation, recent []time.Time, now time.Time) bool {
	next := recent[0].Add(startWindow)
	msg := fmt.Sprintf("A new run cannot be started: at most %d runs can be started in %s, and %d were started since %s. The next run can be started after %s.",
		maxStartsPerWindow, "12 hours", len(recent), formatTime(recent[0]), formatTime(next))
	switch s.startLimit {
	case StartLimitFailedOperation:
		detail, _ := json.Marshal(map[string]any{"error": map[string]string{"code": codeConflict, "message": msg}})
		op.failure = string(detail)
		return true
	case StartLimitTooManyRequests:
		s.mu.Unlock()
		w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(next.Sub(now).Seconds()))))
		s.writeGraphError(w, http.StatusTooManyRequests, codeTooManyRequests, "", "%s", msg)
	default:
		s.mu.Unlock()
		s.writeGraphError(w, http.StatusConflict, codeConflict, "", "%s", msg)
	}
	return false
}

func runDisplayName(start time.Time) string {
	return "Run " + start.Format("2006-01-02 15:04") + " UTC"
}

// runStartedLocked stores a run the service has just started, which ends by
// itself after Options.RunDuration.
func (s *Server) runStartedLocked(run Run) {
	s.runs[run.ID] = run
	if s.runDuration > 0 {
		s.ending = append(s.ending, run.ID)
	}
}

// addStartedRunLocked stores a run a start made.
func (s *Server) addStartedRunLocked(run Run, lateReads int) {
	s.runStartedLocked(run)
	s.markWrittenLocked(run.ID)            // for FaultPlan.NotFoundAfterWrite
	s.markLaggingLocked(run.ID, lateReads) // for FaultPlan.LateNotFoundReads
}

// startDueRuns makes the runs of starts whose operation has left notStarted
// (Options.DeferRunCreation) and the service's own runs whose time has come
// (Options.ScheduledRuns). Like endFinishedRuns it runs before each Graph
// request, so what a client sees depends only on the clock.
func (s *Server) startDueRuns() {
	now := s.now()
	lateReads := s.lateNotFoundReads()
	s.mu.Lock()
	defer s.mu.Unlock()
	for id, op := range s.ops {
		if op.pending == nil {
			continue
		}
		if status, _ := op.progress(now, s.opDelay); status == "notStarted" {
			continue
		}
		run := *op.pending
		run.StartDateTime = normalizeTime(op.created.Add(s.opDelay / 2))
		run.DisplayName = runDisplayName(run.StartDateTime)
		s.addStartedRunLocked(run, lateReads)
		op.pending = nil
		s.ops[id] = op
	}
	s.scheduled = slices.DeleteFunc(s.scheduled, func(at time.Time) bool {
		if now.Before(at) {
			return false
		}
		at = normalizeTime(at)
		s.runStartedLocked(Run{ID: newGUID(), DisplayName: runDisplayName(at), StartDateTime: at, Status: statusRunning})
		return true
	})
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
