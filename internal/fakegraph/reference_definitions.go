package fakegraph

import (
	"fmt"
	"slices"
	"strings"
)

// Reference definitions: ids are "{referenceType}-{code}", tenants may add
// codes to six reference types only, and DELETE only disables a definition
// (a soft delete: "you can disable, but not delete"), so a deleted
// definition is still listed and read, with isDisabled true.

// extensibleReferenceTypes are the reference types a tenant may add codes
// to, as the reference lists them.
var extensibleReferenceTypes = []string{
	"RefAcademicSubject", "RefRace", "RefEthnicity", "RefGradeLevel", "RefOrgType", "RefPersonFlagType",
}

// sourceTenantDefined is the source the service gives definitions a
// tenant creates; built-in ones say "microsoft.com".
const sourceTenantDefined = "Tenant Defined"

// referenceCodeForbidden are the characters a code may not hold.
// Assumption: the reference states no limit on codes; as the code is part
// of the id, which is a URL path segment, the fake refuses characters that
// cannot stand in one unescaped. Like every industryData name, a code is
// at most 100 characters (schema_entities.go).
const referenceCodeForbidden = `/\?#%`

// referenceDefinitionKey is a new definition's id: "{referenceType}-{code}".
func referenceDefinitionKey(obj object) string {
	typ, _ := obj.get("referenceType")
	code, _ := obj.get("code")
	return fmt.Sprintf("%v-%v", typ, code)
}

// referenceDefinitionCreated refuses a reference type tenants cannot
// extend and a code that cannot be part of an id, and sets what the
// service sets on create.
//
// Assumption: the reference lists the extensible types but not how the
// service refuses another; the fake answers 400 BadRequest targeting
// referenceType, matching type names exactly (case included).
func referenceDefinitionCreated(s *Server, _ *bindResolver, obj object) (object, error) {
	typ, _ := obj.get("referenceType")
	if name, _ := typ.(string); !slices.Contains(extensibleReferenceTypes, name) {
		return nil, invalid("referenceType", "The reference type '%v' cannot be extended; codes can be added to %s only.",
			typ, strings.Join(extensibleReferenceTypes, ", "))
	}
	code, _ := obj.get("code")
	if text, _ := code.(string); text == "" || strings.ContainsAny(text, referenceCodeForbidden) {
		return nil, invalid("code", "The code '%v' is not valid: it must not be empty nor hold any of %s.", code, referenceCodeForbidden)
	}
	return append(obj,
		member{Name: "source", Value: sourceTenantDefined},
		member{Name: "createdDateTime", Value: formatTime(s.now())},
	), nil
}

// uniqueSortIndex refuses a sortIndex another enabled definition of the
// same reference type holds: the reference says it "must be unique within
// the referenceType".
//
// Assumption: disabled definitions do not count (they are no longer
// offered, and soft-deleted ones would otherwise hold their index forever),
// and the refusal is a 400 BadRequest targeting sortIndex.
func uniqueSortIndex(items map[string]storedEntity, id string, obj object) error {
	if disabled, _ := obj.get("isDisabled"); disabled == true {
		return nil
	}
	typ, _ := obj.get("referenceType")
	index, _ := obj.get("sortIndex")
	for otherID, other := range items {
		otherType, _ := other.obj.get("referenceType")
		otherIndex, _ := other.obj.get("sortIndex")
		otherDisabled, _ := other.obj.get("isDisabled")
		if otherID != id && otherType == typ && fmt.Sprint(otherIndex) == fmt.Sprint(index) && otherDisabled != true {
			return invalid("sortIndex", "The sortIndex %v is already used by '%s'; it must be unique within the reference type '%v'.", index, otherID, typ)
		}
	}
	return nil
}

// seedReferenceDefinitions stores a few of the built-in reference
// definitions every tenant has (source "microsoft.com"), with the reference's
// id shape "{referenceType}-{code}". Assumption: the reference names
// RefIdentifierType-username; the other codes, names and sort indexes are a
// sample chosen by the fake, and the real service has many more.
func seedReferenceDefinitions(s *Server) {
	for _, d := range []struct {
		typ, code, name string
		sortIndex       int
	}{
		{"RefIdentifierType", "username", "User name", 1},
		{"RefIdentifierType", "email", "Email", 2},
		{"RefGradeLevel", "09", "Grade 9", 9},
		{"RefGradeLevel", "10", "Grade 10", 10},
		{"RefOrgType", "school", "School", 1},
	} {
		s.PutEntity(ReferenceDefinitions, map[string]any{
			"id": d.typ + "-" + d.code, "referenceType": d.typ, "code": d.code, "displayName": d.name,
			"sortIndex": d.sortIndex, "isDisabled": false, "source": "microsoft.com",
		})
	}
}
