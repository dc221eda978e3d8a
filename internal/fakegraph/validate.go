package fakegraph

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// validationError becomes a 400 with a Graph error body; target names the
// offending property when there is one.
type validationError struct {
	msg    string
	target string
}

func (e *validationError) Error() string { return e.msg }

func invalid(target, format string, args ...any) error {
	return &validationError{msg: fmt.Sprintf(format, args...), target: target}
}

// Graph's messages for bodies it cannot read at all.
const (
	msgEmptyPayload   = "Empty Payload. JSON content expected."
	msgUnreadableJSON = "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format."
)

// parseBody parses a request body into a JSON object, with Graph's errors
// for an empty body, malformed JSON, duplicate properties and non-objects.
func parseBody(body []byte) (object, error) {
	if len(strings.TrimSpace(string(body))) == 0 {
		return nil, invalid("", msgEmptyPayload)
	}
	tree, err := parseJSON(body)
	var dup errDuplicateProperty
	switch {
	case errors.As(err, &dup):
		return nil, invalid(dup.name, "%s", dup.Error())
	case err != nil:
		return nil, invalid("", msgUnreadableJSON)
	}
	obj, ok := tree.(object)
	if !ok {
		return nil, unexpectedNode(tree, "StartObject", "")
	}
	return obj, nil
}

// validator checks a tree against the schema. A trusted validator reads
// data written as the service would (seed files): read-only properties and
// the unknownFutureValue sentinel are allowed there, never in a request.
// A creating validator also requires the required properties of the top
// object; a patching one refuses its create-only properties. Objects nested
// in a body are always whole, so their required properties are always
// checked. binds, when set, resolves @odata.bind values.
type validator struct {
	trusted, creating, patching bool
	binds                       *bindResolver
}

// object validates v as an instance of want (or a type derived from it, as
// named by @odata.type) and returns the instance's type.
func (v validator) object(val any, want *complexType, path string) (*complexType, error) {
	obj, ok := val.(object)
	if !ok {
		return nil, unexpectedNode(val, "StartObject", path)
	}
	typ, err := resolveType(obj, want, path)
	if err != nil {
		return nil, err
	}
	if typ.abstract {
		// Assumption: the wording of the service's OData reader is unknown;
		// what matters is that an abstract type is refused with a 400.
		return nil, invalid(joinPath(path, "@odata.type"), "The type '%s' is abstract and cannot be instantiated; name a derived type with '@odata.type'.", typ.name)
	}
	for _, m := range obj {
		// Assumption: like the OData reader, the service ignores instance
		// annotations ("@…"; @odata.type was checked above) and property
		// annotations ("name@…"), but the latter must name a declared property.
		name, _, annotated := strings.Cut(m.Name, "@")
		if name == "" {
			continue
		}
		spec, ok := typ.property(name)
		if !ok {
			return nil, invalid(joinPath(path, name), "Property '%s' does not exist on type '%s'.", name, typ.name)
		}
		if err := v.member(m, name, annotated, spec, path); err != nil {
			return nil, err
		}
	}
	if v.creating || path != "" {
		if err := typ.checkRequired(obj, path); err != nil {
			return nil, err
		}
	}
	return typ, nil
}

// member validates one member of an object: a property's value, or a
// property annotation (only @odata.bind is read, on navigation properties).
func (v validator) member(m member, name string, annotated bool, spec propSpec, path string) error {
	target := joinPath(path, name)
	switch {
	case annotated && spec.bindsTo != "" && strings.HasSuffix(m.Name, "@odata.bind") && spec.createOnly && v.patching && path == "":
		// Assumption: a relationship the update pages leave out is set on
		// create only (sourceSystem of a data connector).
		return invalid(target, "Property '%s' cannot be updated; it can only be set when the object is created.", target)
	case annotated && spec.bindsTo != "" && strings.HasSuffix(m.Name, "@odata.bind"):
		return v.binds.check(m.Value, spec.bindsTo, joinPath(path, m.Name))
	case annotated:
		return nil
	case spec.bindsTo != "":
		// Assumption: relationships are set by reference only, as every
		// example in the reference does.
		return invalid(target, "Property '%s' is a navigation property; set it with '%s@odata.bind'.", target, name)
	case spec.readOnly && !v.trusted:
		return invalid(target, "Property '%s' is read-only and cannot be set.", target)
	case spec.createOnly && v.patching && path == "":
		// Assumption: what the update pages leave out cannot be changed;
		// the fake refuses it rather than ignoring it.
		return invalid(target, "Property '%s' cannot be updated; it can only be set when the object is created.", target)
	}
	return v.value(m.Value, spec, target)
}

// checkRequired names the first required property obj lacks.
func (t *complexType) checkRequired(obj object, path string) error {
	for _, name := range t.propertyNames() {
		spec, _ := t.property(name)
		if !spec.required {
			continue
		}
		if _, ok := obj.get(name); !ok {
			if _, bound := obj.get(name + "@odata.bind"); !bound {
				return invalid(joinPath(path, name), "The property '%s' is required.", joinPath(path, name))
			}
		}
	}
	return nil
}

// resolveType applies an @odata.type annotation: it must name want or a
// type derived from it.
func resolveType(obj object, want *complexType, path string) (*complexType, error) {
	raw, ok := obj.get("@odata.type")
	if !ok {
		return want, nil
	}
	target := joinPath(path, "@odata.type")
	name, ok := raw.(string)
	if !ok {
		return nil, invalid(target, "The value of the '@odata.type' annotation must be a string, not '%s'.", literal(raw))
	}
	typ := lookupType(name)
	if typ == nil {
		return nil, invalid(target, "A type named '%s' could not be resolved by the model. When a model is available, each type name must resolve to a valid type.", strings.TrimPrefix(name, "#"))
	}
	if !typ.isA(want) {
		return nil, invalid(target, "The type '%s' is not compatible with the expected type '%s'.", typ.name, want.name)
	}
	return typ, nil
}

// value validates one property value against its declaration.
func (v validator) value(val any, spec propSpec, path string) error {
	if val == nil {
		if spec.nullable {
			return nil
		}
		t := spec.typeName()
		if spec.collection {
			t = "Collection(" + t + ")"
		}
		return invalid(path, "A null value was found for the property named '%s', which has the expected type '%s[Nullable=False]'. The expected type '%[2]s[Nullable=False]' does not allow null values.", path, t)
	}
	if spec.collection {
		arr, ok := val.([]any)
		if !ok {
			return unexpectedNode(val, "StartArray", path)
		}
		elem := spec
		elem.collection, elem.nullable = false, false
		for i, e := range arr {
			if err := v.value(e, elem, fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
		return nil
	}
	switch spec.kind {
	case kindAny:
		return nil
	case kindComplex:
		_, err := v.object(val, spec.complex, path)
		return err
	}
	if kind := nodeKind(val); kind != "PrimitiveValue" {
		return unexpectedNode(val, "PrimitiveValue", path)
	}
	return v.primitive(val, spec, path)
}

func (v validator) primitive(val any, spec propSpec, path string) error {
	s, isString := val.(string)
	switch spec.kind {
	case kindString:
		if isString && spec.maxLength > 0 && utf8.RuneCountInString(s) > spec.maxLength {
			return invalid(path, "The value of property '%s' is %d characters long; at most %d are allowed.", path, utf8.RuneCountInString(s), spec.maxLength)
		}
		if isString {
			return nil
		}
	case kindInt32:
		if n, ok := val.(json.Number); ok {
			if _, err := strconv.ParseInt(n.String(), 10, 32); err == nil {
				return nil
			}
		}
	case kindDateTime:
		if _, err := parseTime(s); isString && err == nil {
			return nil
		}
	case kindDate:
		if _, err := time.Parse(time.DateOnly, s); isString && err == nil {
			return nil
		}
	case kindBool:
		if _, ok := val.(bool); ok {
			return nil
		}
	case kindEnum:
		if isString {
			return v.enumMember(s, spec.enum, path)
		}
	}
	return invalid(path, "Cannot convert the literal '%s' to the expected type '%s' for property '%s'.", literal(val), spec.typeName(), path)
}

// enumMember accepts a declared member; enum values are case-sensitive
// (assumption: the service's OData reader matches members exactly).
func (v validator) enumMember(s string, e *enumType, path string) error {
	if !slices.Contains(e.members, s) {
		return invalid(path, "The value '%s' is not a valid member of '%s' for property '%s'. Valid values: %s.",
			s, e.name, path, strings.Join(settable(e), ", "))
	}
	if s == statusUnknownFutureValue && !v.trusted {
		return invalid(path, "The value '%s' of property '%s' is the evolvable-enum sentinel of '%s' and cannot be set by a client.", s, path, e.name)
	}
	return nil
}

// settable lists the members a client may send.
func settable(e *enumType) []string {
	return slices.DeleteFunc(slices.Clone(e.members), func(m string) bool { return m == statusUnknownFutureValue })
}

func unexpectedNode(val any, want, path string) error {
	if path == "" {
		return invalid("", "An unexpected '%s' node was found when reading from the JSON reader. A '%s' node was expected.", nodeKind(val), want)
	}
	return invalid(path, "An unexpected '%s' node was found for property named '%s' when reading from the JSON reader. A '%s' node was expected.", nodeKind(val), path, want)
}

func joinPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// ---- PATCH /runs/{id} -----------------------------------------------------

// runPatch is a validated PATCH body: nil/false fields were absent.
type runPatch struct {
	displayName *string
	start       *time.Time
	endSet      bool
	end         *time.Time
	status      *string
	statsSet    bool
	stats       *RunStatistics
}

// parseRunPatch reads and validates a PATCH body. Everything here can be
// checked without the stored run; the rules that need it are in apply.
func parseRunPatch(body []byte) (runPatch, error) {
	obj, err := parseBody(body)
	if err != nil {
		return runPatch{}, err
	}
	if _, err := (validator{}).object(obj, runType, ""); err != nil {
		return runPatch{}, err
	}
	var p runPatch
	for _, m := range obj {
		switch m.Name {
		case "displayName":
			s := m.Value.(string)
			p.displayName = &s
		case "startDateTime":
			t, _ := parseTime(m.Value.(string))
			p.start = &t
		case "endDateTime":
			p.endSet = true
			if s, ok := m.Value.(string); ok {
				t, _ := parseTime(s)
				p.end = &t
			}
		case "status":
			s := m.Value.(string)
			p.status = &s
		case "statistics":
			p.statsSet = true
			if m.Value != nil {
				var j statisticsJSON
				if err := remarshal(m.Value, &j); err != nil {
					return runPatch{}, invalid("statistics", msgUnreadableJSON)
				}
				s := statisticsFromJSON(j)
				p.stats = &s
			}
		}
	}
	return p, nil
}

// apply returns r changed by the patch, or a validation error.
//
// Assumptions where the reference is silent: the service keeps the
// invariants the reference states ("endDateTime null while running"; the
// final statuses mean the run has ended). So a final status with no end
// time anywhere is stamped with now, a status set back to running clears a
// stored end time, and a patch that would break either invariant
// explicitly is refused. A complex property (statistics) is replaced whole.
func (p runPatch) apply(r Run, now time.Time) (Run, error) {
	if p.displayName != nil {
		r.DisplayName = *p.displayName
	}
	if p.start != nil {
		r.StartDateTime = *p.start
	}
	if p.endSet {
		r.EndDateTime = p.end
	}
	if p.status != nil {
		r.Status = *p.status
		switch {
		case isFinal(r.Status) && !p.endSet && r.EndDateTime == nil:
			stamp := normalizeTime(now)
			r.EndDateTime = &stamp
		case r.Status == statusRunning && !p.endSet:
			r.EndDateTime = nil
		}
	}
	if p.statsSet {
		r.Statistics = cloneStatistics(p.stats)
		if r.Statistics != nil && r.Statistics.RunID == "" {
			r.Statistics.RunID = r.ID
		}
	}
	if p.start != nil || p.endSet || p.status != nil {
		if err := checkRunTimes(r); err != nil {
			return Run{}, err
		}
	}
	return r, nil
}

// checkRunTimes enforces the reference's rules tying endDateTime to status
// and to startDateTime.
func checkRunTimes(r Run) error {
	switch {
	case r.Status == statusRunning && r.EndDateTime != nil:
		return invalid("endDateTime", "endDateTime must be null while the run's status is 'running'; got '%s'.", formatTime(*r.EndDateTime))
	case isFinal(r.Status) && r.EndDateTime == nil:
		return invalid("endDateTime", "endDateTime cannot be null for a run whose status is '%s': the run has ended.", r.Status)
	case r.EndDateTime != nil && r.EndDateTime.Before(r.StartDateTime):
		return invalid("endDateTime", "endDateTime '%s' must not be earlier than startDateTime '%s'.", formatTime(*r.EndDateTime), formatTime(r.StartDateTime))
	}
	return nil
}
