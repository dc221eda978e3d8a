package graph

import (
	"time"

	absser "github.com/microsoft/kiota-abstractions-go/serialization"
)

// The PATCH body is a type of the provider's own: the SDK's IndustryDataRun
// serializes only status and activities (the seed's other fields are dropped
// as read-only), its statistics model serializes only status, and a model
// decoded from a GET serializes as {}. Every body is built fresh from a
// RunPatch and written with the SDK's serialization writer.

const (
	odataTypeRun        = "#microsoft.graph.industryData.industryDataRun"
	odataTypeStatistics = "#microsoft.graph.industryData.industryDataRunStatistics"
	odataTypeInbound    = "#microsoft.graph.industryData.inboundActivityResults"
	odataTypeActivity   = "#microsoft.graph.industryData.industryDataActivityStatistics"
)

type runPatchBody struct{ patch RunPatch }

func (b *runPatchBody) Serialize(w absser.SerializationWriter) error {
	p := b.patch
	return firstError(
		writeString(w, "@odata.type", ptrTo(odataTypeRun)),
		writeString(w, "displayName", p.DisplayName),
		writeTime(w, "startDateTime", p.StartDateTime),
		writeTime(w, "endDateTime", p.EndDateTime),
		writeString(w, "status", p.Status),
		writeObject(w, "statistics", p.Statistics, func(s *RunStatistics) absser.Parsable { return &statisticsBody{s} }),
	)
}

func (b *runPatchBody) GetFieldDeserializers() map[string]func(absser.ParseNode) error { return nil }

type statisticsBody struct{ s *RunStatistics }

func (b *statisticsBody) Serialize(w absser.SerializationWriter) error {
	s := b.s
	activities := make([]absser.Parsable, len(s.Activities))
	for i := range s.Activities {
		activities[i] = &activityBody{&s.Activities[i]}
	}
	return firstError(
		writeString(w, "@odata.type", ptrTo(odataTypeStatistics)),
		writeString(w, "runId", nonEmpty(s.RunID)),
		writeString(w, "status", nonEmpty(s.Status)),
		w.WriteCollectionOfObjectValues("activityStatistics", activities),
		writeObject(w, "inboundTotals", s.InboundTotals, func(t *InboundTotals) absser.Parsable { return &totalsBody{t} }),
	)
}

func (b *statisticsBody) GetFieldDeserializers() map[string]func(absser.ParseNode) error { return nil }

type activityBody struct{ a *ActivityStatistics }

func (b *activityBody) Serialize(w absser.SerializationWriter) error {
	a := b.a
	kind := odataTypeActivity
	if a.Inbound != nil {
		kind = odataTypeInbound
	}
	errs := []error{
		writeString(w, "@odata.type", &kind),
		writeString(w, "activityId", nonEmpty(a.ActivityID)),
		writeString(w, "displayName", nonEmpty(a.DisplayName)),
		writeString(w, "status", nonEmpty(a.Status)),
	}
	if in := a.Inbound; in != nil {
		errs = append(errs,
			w.WriteInt32Value("errors", &in.Errors),
			w.WriteInt32Value("warnings", &in.Warnings),
			w.WriteObjectValue("groups", &countBody{in.Groups}),
			w.WriteObjectValue("memberships", &countBody{in.Memberships}),
			w.WriteObjectValue("organizations", &countBody{in.Organizations}),
			w.WriteObjectValue("people", &countBody{in.People}),
			writeRoles(w, "matchedPeopleByRole", in.MatchedPeopleByRole),
			writeRoles(w, "unmatchedPeopleByRole", in.UnmatchedPeopleByRole),
		)
	}
	return firstError(errs...)
}

func (b *activityBody) GetFieldDeserializers() map[string]func(absser.ParseNode) error { return nil }

type totalsBody struct{ t *InboundTotals }

func (b *totalsBody) Serialize(w absser.SerializationWriter) error {
	t := b.t
	return firstError(
		w.WriteInt32Value("errors", &t.Errors), w.WriteInt32Value("warnings", &t.Warnings),
		w.WriteInt32Value("groups", &t.Groups), w.WriteInt32Value("memberships", &t.Memberships),
		w.WriteInt32Value("organizations", &t.Organizations), w.WriteInt32Value("people", &t.People),
		writeRoles(w, "matchedPeopleByRole", t.MatchedPeopleByRole),
		writeRoles(w, "unmatchedPeopleByRole", t.UnmatchedPeopleByRole),
	)
}

func (b *totalsBody) GetFieldDeserializers() map[string]func(absser.ParseNode) error { return nil }

type countBody struct{ c EntityCount }

func (b *countBody) Serialize(w absser.SerializationWriter) error {
	return firstError(w.WriteInt32Value("active", &b.c.Active), w.WriteInt32Value("inactive", &b.c.Inactive), w.WriteInt32Value("total", &b.c.Total))
}

func (b *countBody) GetFieldDeserializers() map[string]func(absser.ParseNode) error { return nil }

type roleBody struct {
	role  string
	count int32
}

func (b *roleBody) Serialize(w absser.SerializationWriter) error {
	return firstError(w.WriteStringValue("role", &b.role), w.WriteInt32Value("count", &b.count))
}

func (b *roleBody) GetFieldDeserializers() map[string]func(absser.ParseNode) error { return nil }

func writeRoles(w absser.SerializationWriter, key string, roles map[string]int32) error {
	items := make([]absser.Parsable, 0, len(roles))
	for _, role := range sortedKeys(roles) {
		items = append(items, &roleBody{role: role, count: roles[role]})
	}
	return w.WriteCollectionOfObjectValues(key, items)
}

// writeString writes only set values: an absent field is not changed.
func writeString(w absser.SerializationWriter, key string, v *string) error {
	if v == nil {
		return nil
	}
	return w.WriteStringValue(key, v)
}

// writeTime writes RFC 3339 in UTC keeping fractions; the SDK's time writer
// uses time.RFC3339 and would drop them.
func writeTime(w absser.SerializationWriter, key string, t *time.Time) error {
	if t == nil {
		return nil
	}
	s := t.UTC().Format(time.RFC3339Nano)
	return w.WriteStringValue(key, &s)
}

func writeObject[T any](w absser.SerializationWriter, key string, v *T, body func(*T) absser.Parsable) error {
	if v == nil {
		return nil
	}
	return w.WriteObjectValue(key, body(v))
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func ptrTo[T any](v T) *T { return &v }

func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
