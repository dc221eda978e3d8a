package fakegraph

import (
	"net/http"
	"strings"
)

// Outbound provisioning: flow sets (a generic entity, see entities.go) and
// the provisioning flows each set holds as a child collection,
// /outboundProvisioningFlowSets/{setId}/provisioningFlows. The flows reuse
// the generic store and handlers with a kind whose collection is the set's
// own; what is theirs is in this file: the set must exist, at most one flow
// of each type per set, default passwords masked when read, enrollment role
// codes normalized, and the reset action.

// maskedSecret is what Graph returns in place of a stored password.
const maskedSecret = "***************"

var (
	filterAttributeEnum = &enumType{name: "filterOptions", members: []string{"orgExternalId", statusUnknownFutureValue}}
	filterType          = &complexType{name: nsIndustryData + "filter", abstract: true}
	basicFilterType     = &complexType{name: nsIndustryData + "basicFilter", base: filterType, props: map[string]propSpec{
		"attribute": enumProp(filterAttributeEnum).needed(),
		"in":        stringProp().many().needed(),
	}}
	// Assumption: the reference gives no length limit for a flow set's name.
	flowSetType = &complexType{name: nsIndustryData + "outboundProvisioningFlowSet", props: map[string]propSpec{
		"id":                   stringProp().readonly(),
		"displayName":          stringProp().needed(),
		"filter":               complexOrNull(filterType),
		"createdDateTime":      dateTimeProp().readonly(),
		"lastModifiedDateTime": dateTimeProp().readonly(),
	}}

	provisioningFlowType = &complexType{name: nsIndustryData + "provisioningFlow", abstract: true, props: map[string]propSpec{
		"id":                   stringProp().readonly(),
		"createdDateTime":      dateTimeProp().readonly(),
		"lastModifiedDateTime": dateTimeProp().readonly(),
		"readinessStatus":      enumProp(readinessStatusEnum).readonly(),
	}}

	adminUnitCreationOptionsType = &complexType{name: nsIndustryData + "adminUnitCreationOptions", props: map[string]propSpec{
		"createBasedOnOrg":              boolProp().needed(),
		"createBasedOnOrgPlusRoleGroup": boolProp().needed(),
	}}
	administrativeUnitFlowType = &complexType{name: nsIndustryData + "administrativeUnitProvisioningFlow", base: provisioningFlowType, props: map[string]propSpec{
		"creationOptions": complexProp(adminUnitCreationOptionsType).needed(),
	}}

	securityGroupCreationOptionsType = &complexType{name: nsIndustryData + "securityGroupCreationOptions", props: map[string]propSpec{
		"createBasedOnRoleGroup":        boolProp().needed(),
		"createBasedOnOrgPlusRoleGroup": boolProp().needed(),
	}}
	securityGroupFlowType = &complexType{name: nsIndustryData + "securityGroupProvisioningFlow", base: provisioningFlowType, props: map[string]propSpec{
		"creationOptions": complexProp(securityGroupCreationOptionsType).needed(),
	}}

	classGroupAttributeEnum = &enumType{name: "additionalClassGroupAttributes", members: []string{
		"courseTitle", "courseCode", "courseSubject", "courseGradeLevel", "courseExternalId",
		"academicSessionTitle", "academicSessionExternalId", "classCode", statusUnknownFutureValue,
	}}
	additionalClassGroupOptionsType = &complexType{name: nsIndustryData + "additionalClassGroupOptions", props: map[string]propSpec{
		"createTeam":                   boolProp().orNull(),
		"writeDisplayNameOnCreateOnly": boolProp().orNull(),
	}}
	sectionRoleReferenceType = &complexType{name: nsIndustryData + "sectionRoleReferenceValue", base: referenceValueType}
	enrollmentMappingsType   = &complexType{name: nsIndustryData + "enrollmentMappings", props: map[string]propSpec{
		"ownerEnrollmentMappings":  complexOrNull(sectionRoleReferenceType).many(),
		"memberEnrollmentMappings": complexOrNull(sectionRoleReferenceType).many(),
	}}
	classGroupConfigurationType = &complexType{name: nsIndustryData + "classGroupConfiguration", props: map[string]propSpec{
		"additionalAttributes": enumProp(classGroupAttributeEnum).orNull().many(),
		"additionalOptions":    complexOrNull(additionalClassGroupOptionsType),
		"enrollmentMappings":   complexOrNull(enrollmentMappingsType),
	}}
	classGroupFlowType = &complexType{name: nsIndustryData + "classGroupProvisioningFlow", base: provisioningFlowType, props: map[string]propSpec{
		"configuration": complexProp(classGroupConfigurationType).needed(),
	}}

	// The default password is stored and answered masked, as the reference's
	// examples show.
	passwordSettingsType       = &complexType{name: nsIndustryData + "passwordSettings", abstract: true}
	simplePasswordSettingsType = &complexType{name: nsIndustryData + "simplePasswordSettings", base: passwordSettingsType, props: map[string]propSpec{
		"password": stringProp().needed().maskedOnRead(),
	}}
	userConfigurationType = &complexType{name: nsIndustryData + "userConfiguration", props: map[string]propSpec{
		"defaultPasswordSettings": complexOrNull(passwordSettingsType),
		"licenseSkus":             stringProp().orNull().many(),
		"roleGroup":               navigation(RoleGroups).needed(),
	}}
	userCreationOptionsType = &complexType{name: nsIndustryData + "userCreationOptions", props: map[string]propSpec{
		"configurations": complexOrNull(userConfigurationType).many(),
	}}
	userAttributeEnum   = &enumType{name: "additionalUserAttributes", members: []string{"userGradeLevel", "userNumber", statusUnknownFutureValue}}
	studentAgeGroupEnum = &enumType{name: "studentAgeGroup", members: []string{"minor", "notAdult", "adult", statusUnknownFutureValue}}
	// markAllStudentsAsMinors is deprecated but still part of the type.
	additionalUserOptionsType = &complexType{name: nsIndustryData + "additionalUserOptions", props: map[string]propSpec{
		"allowStudentContactAssociation": boolProp().orNull(),
		"markAllStudentsAsMinors":        boolProp().orNull(),
		"studentAgeGroup":                enumProp(studentAgeGroupEnum).orNull(),
	}}
	userManagementOptionsType = &complexType{name: nsIndustryData + "userManagementOptions", props: map[string]propSpec{
		"additionalAttributes": enumProp(userAttributeEnum).orNull().many(),
		"additionalOptions":    complexOrNull(additionalUserOptionsType),
	}}
	userFlowType = &complexType{name: nsIndustryData + "userProvisioningFlow", base: provisioningFlowType, props: map[string]propSpec{
		"createUnmatchedUsers": boolProp().needed(),
		"creationOptions":      complexOrNull(userCreationOptionsType),
		"managementOptions":    complexOrNull(userManagementOptionsType),
	}}

	// provisioningFlowKind is the template of every set's flow collection.
	provisioningFlowKind = &entityKind{typ: provisioningFlowType, updated: normalizeFlowPatch}
)

// ProvisioningFlowsOf is the collection of a flow set's provisioning flows,
// for the out-of-band methods (EntityIDs, Entity, SetEntityProperty,
// DeleteEntity).
func ProvisioningFlowsOf(setID string) string {
	return OutboundProvisioningFlowSets + "/" + setID + "/provisioningFlows"
}

// flowSetOfCollection is the set id of a ProvisioningFlowsOf collection.
func flowSetOfCollection(collection string) (string, bool) {
	rest, ok := strings.CutPrefix(collection, OutboundProvisioningFlowSets+"/")
	if !ok {
		return "", false
	}
	setID, ok := strings.CutSuffix(rest, "/provisioningFlows")
	return setID, ok && setID != "" && !strings.Contains(setID, "/")
}

// flowsKind is the kind of one set's flows: the template, on the set's own
// collection, checking one flow per type on create.
func flowsKind(setID string) *entityKind {
	k := *provisioningFlowKind
	k.collection = ProvisioningFlowsOf(setID)
	k.created = func(s *Server, _ *bindResolver, obj object) (object, error) {
		return flowCreated(s, k.collection, obj)
	}
	return &k
}

var provisioningFlowRoutes = []route{
	{
		patterns: []string{OutboundProvisioningFlowSets + "/{}/provisioningFlows"},
		methods:  map[string]handler{http.MethodGet: inSet((*entityKind).list), http.MethodPost: inSet((*entityKind).create)},
		options:  []string{"$top", "$skiptoken"},
	},
	{
		patterns: []string{OutboundProvisioningFlowSets + "/{}/provisioningFlows/{}"},
		methods: map[string]handler{
			http.MethodGet: inSet((*entityKind).get), http.MethodPatch: inSet((*entityKind).patch), http.MethodDelete: inSet((*entityKind).delete),
		},
	},
	{
		patterns: []string{
			OutboundProvisioningFlowSets + "/{}/provisioningFlows/{}/microsoft.graph.industryData.reset",
			OutboundProvisioningFlowSets + "/{}/provisioningFlows/{}/reset",
		},
		methods: map[string]handler{http.MethodPost: inSet(resetFlow)},
	},
}

// inSet runs a generic handler on the flows of the set the path names
// (404 when the set does not exist), with the flow id, if any, as its
// only parameter.
func inSet(h func(k *entityKind, s *Server, w http.ResponseWriter, r *http.Request, c *call)) handler {
	return func(s *Server, w http.ResponseWriter, r *http.Request, c *call) {
		setID := c.params[0]
		if _, ok := s.entity(OutboundProvisioningFlowSets, setID); !ok {
			s.writeNotFound(w, flowSetType.shortName(), setID)
			return
		}
		h(flowsKind(setID), s, w, r, &call{params: c.params[1:], body: c.body, query: c.query})
	}
}

// resetFlow is POST …/provisioningFlows/{id}/reset: 202 without a body or
// Location (the reference shows none). Assumption: the flow's readiness is
// left as it was; the reprovisioning it starts is not modelled.
func resetFlow(k *entityKind, s *Server, w http.ResponseWriter, _ *http.Request, c *call) {
	if _, ok := s.entity(k.collection, c.params[0]); !ok {
		s.writeNotFound(w, provisioningFlowType.shortName(), c.params[0])
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

// flowCreated refuses a second flow of a type the set already holds (the
// reference: at most one of each type per set) and sets what the service
// sets on a new flow: notReady, the timestamps, normalized codes.
//
// Assumption: the reference does not say how the service refuses a second
// flow of a type; the fake answers 400 BadRequest with Graph's error shape.
func flowCreated(s *Server, collection string, obj object) (object, error) {
	typ, err := resolveType(obj, provisioningFlowType, "")
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	existing := s.entities.sorted(collection)
	s.mu.Unlock()
	for _, e := range existing {
		if provisioningFlowKind.instanceType(e.obj) == typ {
			id, _ := e.obj.get("id")
			return nil, invalid("@odata.type", "An outbound provisioning flow set can contain no more than one %s; this set already has one ('%s').",
				typ.shortName(), id)
		}
	}
	obj = append(normalizeCodes(obj), member{Name: "readinessStatus", Value: "notReady"})
	return stampCreated(s, nil, obj)
}

// stampCreated sets createdDateTime and lastModifiedDateTime to now.
func stampCreated(s *Server, _ *bindResolver, obj object) (object, error) {
	now := formatTime(normalizeTime(s.now()))
	return append(obj, member{Name: "createdDateTime", Value: now}, member{Name: "lastModifiedDateTime", Value: now}), nil
}

// stampModified sets lastModifiedDateTime to now in a PATCH.
func stampModified(s *Server, patch object) object {
	return mergeMembers(patch, object{{Name: "lastModifiedDateTime", Value: formatTime(normalizeTime(s.now()))}})
}

// normalizeFlowPatch stamps the change and stores enrollment role codes as
// the service spells them.
func normalizeFlowPatch(s *Server, obj object) object {
	return normalizeCodes(stampModified(s, obj))
}

func normalizeCodes(obj object) object {
	out := cloneObject(obj)
	for i, m := range out {
		if config, ok := m.Value.(object); ok && m.Name == "configuration" {
			out[i].Value = normalizeEnrollmentCodes(config)
		}
	}
	return out
}

// canonicalRoleCodes are the section role codes the service respells: the
// reference shows paraProfessional answered as paraprofessional.
// Assumption: codes are matched case-insensitively; other codes are kept
// as sent.
var canonicalRoleCodes = map[string]string{"paraprofessional": "paraprofessional"}

func normalizeEnrollmentCodes(config object) object {
	config = cloneObject(config)
	mappings, ok := getObject(config, "enrollmentMappings")
	if !ok {
		return config
	}
	for i, m := range mappings {
		items, ok := m.Value.([]any)
		if !ok {
			continue
		}
		out := make([]any, len(items))
		for j, item := range items {
			out[j] = item
			ref, isObject := item.(object)
			if !isObject {
				continue
			}
			code, _ := ref.get("code")
			if text, isText := code.(string); isText {
				if canonical, known := canonicalRoleCodes[strings.ToLower(text)]; known {
					out[j] = mergeMembers(ref, object{{Name: "code", Value: canonical}})
				}
			}
		}
		mappings[i].Value = out
	}
	return mergeMembers(config, object{{Name: "enrollmentMappings", Value: mappings}})
}

func getObject(obj object, name string) (object, bool) {
	v, _ := obj.get(name)
	nested, ok := v.(object)
	return cloneObject(nested), ok
}

func cloneObject(obj object) object { return append(object(nil), obj...) }

// deleteFlowsOf deletes a deleted set's flows. Assumption: the reference
// does not say; deleting a set deletes what it holds.
func deleteFlowsOf(s *Server, setID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.entities.byCollection, ProvisioningFlowsOf(setID))
}
