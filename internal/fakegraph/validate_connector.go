package fakegraph

import (
	"net/http"
)

// ValidationOutcome is what a connector's validate operation reports once
// it has finished (see SetValidationOutcome). Graph's example shows that a
// succeeded validation can carry errors.
type ValidationOutcome struct {
	Status         string // succeeded (default) or failed
	Errors         []PublicError
	Warnings       []PublicError
	ValidatedFiles []string
}

// SetValidationOutcome sets what the validate operations started from now
// on report when they finish.
func (s *Server) SetValidationOutcome(o ValidationOutcome) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.validationOutcome = o
}

func publicErrorsJSON(in []PublicError) []publicErrorJSON {
	out := []publicErrorJSON{}
	for i := range in {
		out = append(out, *publicErrorToJSON(&in[i]))
	}
	return out
}

// validationJSON is a fileValidateOperation: a longRunningOperation (whose
// properties encoding/json writes first, flattened) with what it found.
type validationJSON struct {
	operationJSON
	Errors         []publicErrorJSON `json:"errors"`
	Warnings       []publicErrorJSON `json:"warnings"`
	ValidatedFiles []string          `json:"validatedFiles"`
}

// renderValidation is a fileValidateOperation: it progresses with the
// clock as a run's start operation does (Options.OperationDelay); errors,
// warnings and files appear when it has finished.
func (s *Server) renderValidation(r *http.Request, op operation, context string) validationJSON {
	out := validationJSON{
		operationJSON: s.operationBase(r, op, context, nsIndustryData+"fileValidateOperation", "/dataConnectors/"+op.connectorID),
		Errors:        []publicErrorJSON{}, Warnings: []publicErrorJSON{}, ValidatedFiles: []string{},
	}
	if out.Status == "succeeded" {
		o := op.validation
		if o.Status != "" {
			out.Status = o.Status
		}
		out.Errors, out.Warnings = publicErrorsJSON(o.Errors), publicErrorsJSON(o.Warnings)
		out.ValidatedFiles = append([]string{}, o.ValidatedFiles...)
	}
	return out
}

// POST /dataConnectors/{id}/validate: 202 Accepted, no body, Location of
// the fileValidateOperation.
//
// Assumption: the fake does not model what validation does to the
// credential's isValid and lastValidDateTime (the reference does not say
// when they change); they stay as they are.
func (s *Server) validateConnector(w http.ResponseWriter, r *http.Request, c *call) {
	if err := checkNoParameters(c.body, "microsoft.graph.industryData.validate"); err != nil {
		s.writeBadRequest(w, err)
		return
	}
	id := c.params[0]
	if _, ok := s.entity(DataConnectors, id); !ok {
		s.writeNotFound(w, "industryDataConnector", id)
		return
	}
	s.mu.Lock()
	outcome := s.validationOutcome
	op := operation{id: newGUID(), created: normalizeTime(s.now()), validation: &outcome, connectorID: id}
	s.ops[op.id] = op
	s.mu.Unlock()
	w.Header().Set("Location", baseURL(r)+graphBasePath+"/operations/"+op.id)
	w.WriteHeader(http.StatusAccepted)
}
