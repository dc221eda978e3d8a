package fakegraph

import (
	"slices"
	"strings"
)

// A small description of the industryData types the fake reads, so that one
// validator can check PATCH bodies and seed files the way the service's
// model-driven OData reader does (unknown properties, JSON kinds, enums,
// nullability, read-only properties, @odata.type).

type kind int

const (
	kindString kind = iota
	kindInt32
	kindDateTime
	kindDate
	kindEnum
	kindComplex
	kindBool
	kindAny // accepted unchecked (publicError.details/innerError)
)

type propSpec struct {
	kind       kind
	collection bool
	nullable   bool
	readOnly   bool
	required   bool   // must be given when the object is created
	createOnly bool   // may be given on create, never in a PATCH
	writeOnly  bool   // accepted and stored, never returned (a client secret)
	masked     bool   // accepted and stored, returned as maskedSecret (a password)
	maxLength  int    // of a string, in characters; 0 means unbounded
	bindsTo    string // a navigation property: the collection its @odata.bind names
	enum       *enumType
	complex    *complexType
}

func (p propSpec) orNull() propSpec         { p.nullable = true; return p }
func (p propSpec) readonly() propSpec       { p.readOnly = true; return p }
func (p propSpec) many() propSpec           { p.collection = true; return p }
func (p propSpec) needed() propSpec         { p.required = true; return p }
func (p propSpec) onCreateOnly() propSpec   { p.createOnly = true; return p }
func (p propSpec) atMost(n int) propSpec    { p.maxLength = n; return p }
func (p propSpec) secret() propSpec         { p.writeOnly = true; return p }
func (p propSpec) maskedOnRead() propSpec   { p.masked = true; return p }
func navigation(collection string) propSpec { return propSpec{kind: kindAny, bindsTo: collection} }

func stringProp() propSpec                  { return propSpec{kind: kindString} }
func int32Prop() propSpec                   { return propSpec{kind: kindInt32} }
func boolProp() propSpec                    { return propSpec{kind: kindBool} }
func dateTimeProp() propSpec                { return propSpec{kind: kindDateTime} }
func dateProp() propSpec                    { return propSpec{kind: kindDate} }
func anyProp() propSpec                     { return propSpec{kind: kindAny, nullable: true} }
func enumProp(e *enumType) propSpec         { return propSpec{kind: kindEnum, enum: e} }
func complexProp(t *complexType) propSpec   { return propSpec{kind: kindComplex, complex: t} }
func complexOrNull(t *complexType) propSpec { return complexProp(t).orNull() }

// typeName is the EDM type name used in error messages.
func (p propSpec) typeName() string {
	switch p.kind {
	case kindInt32:
		return "Edm.Int32"
	case kindDateTime:
		return "Edm.DateTimeOffset"
	case kindDate:
		return "Edm.Date"
	case kindEnum:
		return p.enum.name
	case kindComplex:
		return p.complex.name
	case kindBool:
		return "Edm.Boolean"
	case kindAny:
		return "Edm.Untyped"
	}
	return "Edm.String"
}

type enumType struct {
	name    string
	members []string
}

type complexType struct {
	name    string   // qualified name without '#'
	aliases []string // other names accepted in @odata.type
	base    *complexType
	props   map[string]propSpec
	// abstract types have no instances: a body must name a derived type
	// with @odata.type.
	abstract bool
}

// property looks a property up on t and its base types.
func (t *complexType) property(name string) (propSpec, bool) {
	for ; t != nil; t = t.base {
		if p, ok := t.props[name]; ok {
			return p, true
		}
	}
	return propSpec{}, false
}

// isA reports whether t is want or derives from it.
func (t *complexType) isA(want *complexType) bool {
	for ; t != nil; t = t.base {
		if t == want {
			return true
		}
	}
	return false
}

func (t *complexType) hasName(name string) bool {
	return name == t.name || slices.Contains(t.aliases, name)
}

// lookupType resolves an @odata.type value; the leading '#' is optional
// (Graph writes it, the seed document's nested example omits it).
func lookupType(name string) *complexType {
	name = strings.TrimPrefix(name, "#")
	for _, t := range knownTypes {
		if t.hasName(name) {
			return t
		}
	}
	return nil
}

var (
	runStatusEnum = &enumType{
		name:    nsIndustryData + "industryDataRunStatus",
		members: []string{statusRunning, statusFailed, statusCompleted, statusCompletedWithErrors, statusCompletedWithWarnings, statusUnknownFutureValue},
	}
	activityStatusEnum = &enumType{
		name:    nsIndustryData + "industryDataActivityStatus",
		members: []string{"inProgress", "skipped", "failed", "completed", "completedWithErrors", "completedWithWarnings", statusUnknownFutureValue},
	}

	publicErrorType = &complexType{name: "microsoft.graph.publicError", props: map[string]propSpec{
		"code":       stringProp().orNull(),
		"message":    stringProp().orNull(),
		"target":     stringProp().orNull(),
		"details":    anyProp(),
		"innerError": anyProp(),
	}}
	entityCountType = &complexType{name: nsIndustryData + "industryDataRunEntityCountMetric", props: map[string]propSpec{
		"active": int32Prop(), "inactive": int32Prop(), "total": int32Prop(),
	}}
	roleCountType = &complexType{name: nsIndustryData + "industryDataRunRoleCountMetric", props: map[string]propSpec{
		"role": stringProp().orNull(), "count": int32Prop(),
	}}
	aggregatedType = &complexType{name: nsIndustryData + "aggregatedInboundStatistics", props: map[string]propSpec{
		"errors": int32Prop(), "warnings": int32Prop(), "groups": int32Prop(),
		"memberships": int32Prop(), "organizations": int32Prop(), "people": int32Prop(),
		"matchedPeopleByRole":   complexOrNull(roleCountType).many(),
		"unmatchedPeopleByRole": complexOrNull(roleCountType).many(),
	}}
	activityStatisticsType = &complexType{name: typeActivityStatistics, props: map[string]propSpec{
		"activityId":  stringProp().orNull(),
		"displayName": stringProp().orNull(),
		"status":      enumProp(activityStatusEnum),
	}}
	inboundActivityResultsType = &complexType{name: typeInboundActivityResults, base: activityStatisticsType, props: map[string]propSpec{
		"errors": int32Prop(), "warnings": int32Prop(),
		"groups": complexOrNull(entityCountType), "memberships": complexOrNull(entityCountType),
		"organizations": complexOrNull(entityCountType), "people": complexOrNull(entityCountType),
		"matchedPeopleByRole":   complexOrNull(roleCountType).many(),
		"unmatchedPeopleByRole": complexOrNull(roleCountType).many(),
	}}
	runStatisticsType = &complexType{name: typeRunStatistics, aliases: []string{typeRunStatisticsSeed}, props: map[string]propSpec{
		"runId":              stringProp().orNull(),
		"status":             enumProp(runStatusEnum),
		"activityStatistics": complexOrNull(activityStatisticsType).many(),
		"inboundTotals":      complexOrNull(aggregatedType),
	}}
	runActivityType = &complexType{name: typeRunActivity, props: map[string]propSpec{
		"id":            stringProp().readonly(),
		"displayName":   stringProp().orNull(),
		"status":        enumProp(activityStatusEnum),
		"blockingError": complexOrNull(publicErrorType).readonly(),
	}}
	inboundFlowActivityType  = &complexType{name: typeInboundFlowActivity, base: runActivityType}
	outboundFlowActivityType = &complexType{name: typeOutboundFlowActivity, base: runActivityType}

	// Assumption: displayName, startDateTime and status are non-nullable
	// (every run the service shows has them); endDateTime, blockingError and
	// statistics are nullable.
	runType = &complexType{name: typeRun, aliases: []string{typeRunSeed}, props: map[string]propSpec{
		"id":            stringProp().readonly(),
		"displayName":   stringProp(),
		"startDateTime": dateTimeProp(),
		"endDateTime":   dateTimeProp().orNull(),
		"status":        enumProp(runStatusEnum),
		"blockingError": complexOrNull(publicErrorType).readonly(),
		"statistics":    complexOrNull(runStatisticsType),
		"activities":    complexOrNull(runActivityType).many().readonly(),
	}}

	knownTypes = []*complexType{
		dataConnectorType, azureDataLakeConnectorType, fileFormatReferenceType, oneRosterConnectorType,
		credentialType, oAuthClientCredentialType, oAuth1ClientCredentialType, oAuth2ClientCredentialType,
		sourceSystemType, userMatchingSettingType, referenceValueType, identifierTypeReferenceType,
		roleGroupType, roleReferenceType, yearType, yearReferenceType,
		inboundFlowType, inboundFileFlowType, inboundAPIFlowType, referenceDefinitionType,
		runType, runStatisticsType, activityStatisticsType, inboundActivityResultsType,
		aggregatedType, entityCountType, roleCountType, runActivityType,
		inboundFlowActivityType, outboundFlowActivityType, publicErrorType,
		flowSetType, filterType, basicFilterType, provisioningFlowType, administrativeUnitFlowType, adminUnitCreationOptionsType,
		securityGroupFlowType, securityGroupCreationOptionsType, classGroupFlowType, classGroupConfigurationType,
		additionalClassGroupOptionsType, enrollmentMappingsType, sectionRoleReferenceType, userFlowType, userCreationOptionsType,
		userConfigurationType, passwordSettingsType, simplePasswordSettingsType, userManagementOptionsType, additionalUserOptionsType,
	}
)

// propertyNames lists the properties of t and its base types, sorted.
func (t *complexType) propertyNames() []string {
	var names []string
	for ; t != nil; t = t.base {
		for name := range t.props {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}
