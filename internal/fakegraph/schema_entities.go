package fakegraph

// The configuration entities of industryData, from the reference's
// property lists. Limits the reference states (lengths, required
// properties, what the update pages leave out) are part of each schema, so
// the store refuses what the service would.

var (
	referenceValueType = &complexType{name: nsIndustryData + "referenceValue", props: map[string]propSpec{
		"code": stringProp().orNull(),
	}}
	identifierTypeReferenceType = &complexType{name: nsIndustryData + "identifierTypeReferenceValue", base: referenceValueType}
	roleReferenceType           = &complexType{name: nsIndustryData + "roleReferenceValue", base: referenceValueType}
	yearReferenceType           = &complexType{name: nsIndustryData + "yearReferenceValue", base: referenceValueType}

	userMatchingSettingType = &complexType{name: nsIndustryData + "userMatchingSetting", props: map[string]propSpec{
		"matchTarget":      complexOrNull(identifierTypeReferenceType),
		"sourceIdentifier": complexOrNull(identifierTypeReferenceType),
		"priorityOrder":    int32Prop(),
		"roleGroup":        navigation(RoleGroups),
	}}

	// Assumption: displayName cannot be patched (the update page lists only
	// vendor and userMatchingSettings).
	sourceSystemType = &complexType{name: nsIndustryData + "sourceSystemDefinition", props: map[string]propSpec{
		"id":                   stringProp().readonly(),
		"displayName":          stringProp().atMost(100).needed().onCreateOnly(),
		"vendor":               stringProp().orNull().atMost(100),
		"userMatchingSettings": complexOrNull(userMatchingSettingType).many(),
	}}

	// The year's code cannot be patched (the update page lists displayName,
	// startDate and endDate only).
	yearType = &complexType{name: nsIndustryData + "yearTimePeriodDefinition", props: map[string]propSpec{
		"id":          stringProp().readonly(),
		"displayName": stringProp().atMost(100).needed(),
		"startDate":   dateProp().needed(),
		"endDate":     dateProp().needed(),
		"year":        complexProp(yearReferenceType).needed().onCreateOnly(),
	}}

	roleGroupType = &complexType{name: nsIndustryData + "roleGroup", props: map[string]propSpec{
		"id":          stringProp().readonly(),
		"displayName": stringProp().readonly(),
		"roles":       complexOrNull(roleReferenceType).many().readonly(),
	}}
)
