package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"
)

// Operation is a longRunningOperation.
type Operation struct {
	ID               string
	Type             string // the @odata.type, e.g. #microsoft.graph.longRunningOperation
	Status           string // notStarted, running, succeeded, failed, unknownFutureValue
	StatusDetail     string
	ResourceLocation string // "" while the service has not named the resource (null)
	CreatedDateTime  *time.Time
}

// Done reports whether the operation has ended, well or badly.
func (o Operation) Done() bool { return o.Status == "succeeded" || o.Status == "failed" }

// IsValidation reports whether the operation is a data connector's
// validation (a fileValidateOperation), never a start of a run.
func (o Operation) IsValidation() bool {
	return strings.HasSuffix(strings.ToLower(o.Type), ".filevalidateoperation")
}

// guid is the form of a run id (the reference: String (GUID)).
var guid = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// RunID is the id of the run ResourceLocation names, in either URL form of
// an OData key (…/runs/{id} or …/runs('{id}')). A location that is missing
// (null while the operation has not started) or names anything else gives no
// id: an id taken from it would name the wrong object, or none.
func (o Operation) RunID() (string, bool) {
	if o.ResourceLocation == "" {
		return "", false
	}
	u, err := url.Parse(o.ResourceLocation)
	if err != nil {
		return "", false
	}
	segments := strings.Split(strings.TrimSuffix(u.Path, "/"), "/")
	last := segments[len(segments)-1]
	if key, ok := strings.CutPrefix(last, "runs('"); ok && strings.HasSuffix(key, "')") {
		id := strings.TrimSuffix(key, "')")
		return id, guid.MatchString(id)
	}
	if len(segments) < 2 || segments[len(segments)-2] != "runs" || !guid.MatchString(last) {
		return "", false
	}
	return last, true
}

// DetailError reads StatusDetail as the error of a failed operation. [infer]
// Graph documents statusDetail only as a string; a service that reports an
// error there may write Graph's error body ({"error":{"code","message"}}),
// its inner object ({"code","message"}), or plain text, which becomes the
// message.
func (o Operation) DetailError() PublicError {
	var body struct {
		Error *publicErrorWire `json:"error"`
		publicErrorWire
	}
	if json.Unmarshal([]byte(o.StatusDetail), &body) == nil {
		e := body.publicErrorWire
		if body.Error != nil {
			e = *body.Error
		}
		if e.Code != nil || e.Message != nil {
			return PublicError{Code: deref(e.Code), Message: deref(e.Message), Target: deref(e.Target)}
		}
	}
	return PublicError{Message: o.StatusDetail}
}

type operationWire struct {
	Type             string     `json:"@odata.type"`
	ID               string     `json:"id"`
	Status           string     `json:"status"`
	StatusDetail     *string    `json:"statusDetail"`
	ResourceLocation *string    `json:"resourceLocation"`
	CreatedDateTime  *time.Time `json:"createdDateTime"`
}

func (w operationWire) toOperation() Operation {
	return Operation{
		ID: w.ID, Type: w.Type, Status: cmpOrUnknown(w.Status), StatusDetail: deref(w.StatusDetail),
		ResourceLocation: deref(w.ResourceLocation), CreatedDateTime: w.CreatedDateTime,
	}
}

// cmpOrUnknown reports a missing status as Graph's evolvable-enum sentinel.
func cmpOrUnknown(status string) string {
	if status == "" {
		return "unknownFutureValue"
	}
	return status
}

// GetOperation reads one long-running operation.
func (c *Client) GetOperation(ctx context.Context, id string) (*Operation, error) {
	op := "reading industry data operation " + id
	body, err := c.getItem(ctx, KindReadOperation, op, c.collectionURL("operations", id))
	if err != nil {
		return nil, err
	}
	var w operationWire
	if err := json.Unmarshal(body, &w); err != nil {
		return nil, fmt.Errorf("%s: reading the answer: %w", op, err)
	}
	out := w.toOperation()
	return &out, nil
}

// ListOperations reads every long-running operation (starts of runs and
// validations of connectors alike), following @odata.nextLink.
func (c *Client) ListOperations(ctx context.Context) ([]Operation, error) {
	var out []Operation
	err := c.listPages(ctx, KindListOperations, "listing industry data operations", c.collectionURL("operations"), func(body []byte) (string, error) {
		var page struct {
			Value    []operationWire `json:"value"`
			NextLink string          `json:"@odata.nextLink"`
		}
		if err := json.Unmarshal(body, &page); err != nil {
			return "", err
		}
		for _, w := range page.Value {
			out = append(out, w.toOperation())
		}
		return page.NextLink, nil
	})
	return out, err
}
