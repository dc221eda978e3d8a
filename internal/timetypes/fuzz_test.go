package timetypes

import (
	"testing"
)

// FuzzInstant checks the laws plans rely on: SameInstant is reflexive and
// symmetric, agrees with Parse on valid inputs (same instant ⇔ equal times),
// and Format∘Parse keeps the instant, so a value written back to state is
// the same instant as the one read.
func FuzzInstant(f *testing.F) {
	for _, seed := range [][2]string{
		{"2024-05-01T10:00:00+02:00", "2024-05-01T08:00:00.000000Z"},
		{"2023-11-01T11:10:46.924769Z", "2023-11-01T12:10:46.924769+01:00"},
		{"2023-11-01T11:10:46.924769Z", "2023-11-01T11:10:46Z"},
		{"2024-05-01T08:00:00z", "2024-05-01T08:00:00Z"},
		{"0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z"},
		{"0001-01-01T00:30:00+01:00", "0000-12-31T23:30:00Z"},
		{"9999-12-31T23:00:00-02:00", "2024-02-29T00:00:00Z"},
		{"not a time", "2024-05-01 08:00"},
		{"", "2024-05-01T08:00:00+24:00"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if !SameInstant(a, a) {
			t.Fatalf("SameInstant(%q, itself) is false", a)
		}
		if SameInstant(a, b) != SameInstant(b, a) {
			t.Fatalf("SameInstant is not symmetric for %q and %q", a, b)
		}
		ta, errA := Parse(a)
		tb, errB := Parse(b)
		if errA == nil && errB == nil && SameInstant(a, b) != ta.Equal(tb) {
			t.Fatalf("SameInstant(%q, %q) = %v, but the parsed times are equal: %v", a, b, SameInstant(a, b), ta.Equal(tb))
		}
		if (errA == nil) != (errB == nil) && SameInstant(a, b) {
			t.Fatalf("a valid and an invalid timestamp are the same instant: %q, %q", a, b)
		}
		if errA != nil {
			return
		}
		formatted := Format(ta)
		back, err := Parse(formatted)
		if err != nil {
			t.Fatalf("Format(Parse(%q)) = %q does not parse: %v", a, formatted, err)
		}
		if !back.Equal(ta) || !SameInstant(a, formatted) {
			t.Fatalf("Format(Parse(%q)) = %q is another instant", a, formatted)
		}
		if Format(back) != formatted {
			t.Fatalf("Format is not stable: %q then %q", formatted, Format(back))
		}
	})
}
