package graph

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"path"
	"strings"
	"time"

	abstractions "github.com/microsoft/kiota-abstractions-go"
	khttp "github.com/microsoft/kiota-http-go"
	"github.com/microsoftgraph/msgraph-beta-sdk-go/external"
)

// RunPatch is the PATCH body of a run: only the fields that are set are sent,
// so a PATCH carries exactly what changed.
type RunPatch struct {
	DisplayName   *string
	StartDateTime *time.Time
	EndDateTime   *time.Time
	Status        *string
	Statistics    *RunStatistics
}

// Empty reports whether the patch would change nothing.
func (p RunPatch) Empty() bool {
	return p.DisplayName == nil && p.StartDateTime == nil && p.EndDateTime == nil && p.Status == nil && p.Statistics == nil
}

// Fields names the properties the patch sets, for logs and messages.
func (p RunPatch) Fields() []string {
	var out []string
	for _, f := range []struct {
		name string
		set  bool
	}{{"displayName", p.DisplayName != nil}, {"startDateTime", p.StartDateTime != nil}, {"endDateTime", p.EndDateTime != nil},
		{"status", p.Status != nil}, {"statistics", p.Statistics != nil}} {
		if f.set {
			out = append(out, f.name)
		}
	}
	return out
}

// PatchRun sends one PATCH to /external/industryData/runs/{id}. The service
// answers 200 with the run (returned) or 204 without a body (nil run): the
// caller then reads the run once if it needs it.
func (c *Client) PatchRun(ctx context.Context, id string, patch RunPatch) (*Run, error) {
	op := fmt.Sprintf("updating industry data run %s (%s)", id, strings.Join(patch.Fields(), ", "))
	item := c.runs().ByIndustryDataRunId(id)
	// The SDK's run builder has no PATCH; build the request on its URL template.
	info := abstractions.NewRequestInformationWithMethodAndUrlTemplateAndPathParameters(
		abstractions.PATCH, item.UrlTemplate, item.PathParameters)
	info.Headers.TryAdd("Accept", "application/json")
	if err := info.SetContentFromParsable(ctx, c.adapter, "application/json", &runPatchBody{patch: patch}); err != nil {
		return nil, wrapErrorKind(KindUpdateRun, op, err)
	}
	res, err := c.adapter.Send(ctx, info, createRunBody, errorMappings)
	if err != nil {
		return nil, wrapErrorKind(KindUpdateRun, op, err)
	}
	if res == nil { // 204 No Content
		return nil, nil
	}
	return res.(*runBody).toRun(), nil
}

// StartRun asks the service to start an on-demand run. It returns the id of
// the long-running operation that tracks the start (from the Location header).
// Starting is not idempotent: callers must never resend it when its outcome
// is unknown.
func (c *Client) StartRun(ctx context.Context) (string, error) {
	const op = "starting an industry data run"
	inspect := khttp.NewHeadersInspectionOptions()
	inspect.InspectResponseHeaders = true
	err := c.runs().MicrosoftGraphIndustryDataStart().Post(ctx,
		&external.IndustryDataRunsMicrosoftGraphIndustryDataStartRequestBuilderPostRequestConfiguration{
			Options: []abstractions.RequestOption{inspect},
		})
	if err != nil {
		return "", wrapErrorKind(KindStartRun, op, err)
	}
	location := inspect.GetResponseHeaders().Get("Location")
	if len(location) == 0 {
		return "", fmt.Errorf("%s: %w", op, ErrStartWithoutLocation)
	}
	return lastSegment(location[0]), nil
}

// ErrStartWithoutLocation is a start the service accepted without naming the
// operation that tracks it: a run has probably started, but which is unknown.
var ErrStartWithoutLocation = errors.New("the service accepted the start but sent no Location header naming its operation")

// IsOutcomeUnknown reports whether err is a request that may or may not have
// taken effect and was not resent (see OutcomeUnknownError).
func IsOutcomeUnknown(err error) bool {
	var ou *OutcomeUnknownError
	return errors.As(err, &ou)
}

// lastSegment returns the last path segment of an absolute or relative URL.
func lastSegment(raw string) string {
	if u, err := url.Parse(raw); err == nil {
		raw = u.Path
	}
	return path.Base(strings.TrimSuffix(raw, "/"))
}
