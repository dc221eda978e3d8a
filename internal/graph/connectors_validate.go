package graph

import (
	"context"
	"encoding/json"
	"fmt"
)

// KindValidateDataConnector is the kind of Graph's validate action on a
// data connector.
var KindValidateDataConnector = registerKind("validate_data_connector", Permission{
	Operation:   "validating a data connector",
	Request:     "POST /dataConnectors/{id}/microsoft.graph.industryData.validate",
	Application: "IndustryData-DataConnector.ReadWrite.All",
	Delegated:   "IndustryData-DataConnector.ReadWrite.All",
	Higher:      []string{"IndustryData-DataConnector.Upload"},
	Source:      "https://learn.microsoft.com/graph/api/industrydata-industrydataconnector-validate?view=graph-rest-beta",
})

// Validation is a fileValidateOperation: Graph's check of a connector's
// data (files, or the API and its credential). A finished validation can
// carry errors even when its status is succeeded.
type Validation struct {
	Status         string // notStarted, running, succeeded, failed
	StatusDetail   string
	Errors         []PublicError
	Warnings       []PublicError
	ValidatedFiles []string
}

// Finished reports whether the validation reached a final status.
func (v Validation) Finished() bool { return v.Status == "succeeded" || v.Status == "failed" }

type validationWire struct {
	Status         string            `json:"status"`
	StatusDetail   *string           `json:"statusDetail"`
	Errors         []publicErrorWire `json:"errors"`
	Warnings       []publicErrorWire `json:"warnings"`
	ValidatedFiles []string          `json:"validatedFiles"`
}

type publicErrorWire struct {
	Code    *string `json:"code"`
	Message *string `json:"message"`
	Target  *string `json:"target"`
}

func publicErrors(in []publicErrorWire) []PublicError {
	out := make([]PublicError, 0, len(in))
	for _, e := range in {
		out = append(out, PublicError{Code: deref(e.Code), Message: deref(e.Message), Target: deref(e.Target)})
	}
	return out
}

// ValidateDataConnector starts Graph's validation of a connector (202) and
// returns the id of the operation that tracks it.
func (c *Client) ValidateDataConnector(ctx context.Context, id string) (string, error) {
	op := "validating data connector " + id
	location, err := c.postAction(ctx, KindValidateDataConnector, op,
		c.collectionURL(CollectionDataConnectors, id, "microsoft.graph.industryData.validate"))
	if err != nil {
		return "", err
	}
	return lastSegment(location), nil
}

// GetValidation reads a validation operation.
func (c *Client) GetValidation(ctx context.Context, operationID string) (*Validation, error) {
	op := "reading validation operation " + operationID
	body, err := c.getItem(ctx, KindReadOperation, op, c.collectionURL("operations", operationID))
	if err != nil {
		return nil, err
	}
	var w validationWire
	if err := json.Unmarshal(body, &w); err != nil {
		return nil, fmt.Errorf("%s: reading the answer: %w", op, err)
	}
	return &Validation{
		Status: w.Status, StatusDetail: deref(w.StatusDetail), Errors: publicErrors(w.Errors),
		Warnings: publicErrors(w.Warnings), ValidatedFiles: append([]string{}, w.ValidatedFiles...),
	}, nil
}
