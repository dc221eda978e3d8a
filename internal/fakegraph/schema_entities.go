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

	// Data connectors: an abstract base, a subtype picked by @odata.type.
	// sourceSystem is not in the update tables: create-only (assumption).
	dataConnectorType = &complexType{name: nsIndustryData + "industryDataConnector", abstract: true, props: map[string]propSpec{
		"id":           stringProp().readonly(),
		"displayName":  stringProp().atMost(100).needed(),
		"sourceSystem": navigation(SourceSystems).needed().onCreateOnly(),
	}}
	fileFormatCodeEnum = &enumType{name: "fileFormatCode", members: []string{"schoolDataSyncV1", "schoolDataSyncV2Rev1"}}
	// Assumption: the service refuses a file format code it does not document.
	fileFormatReferenceType = &complexType{name: nsIndustryData + "fileFormatReferenceValue", props: map[string]propSpec{
		"code": enumProp(fileFormatCodeEnum),
	}}
	azureDataLakeConnectorType = &complexType{name: nsIndustryData + "azureDataLakeConnector", base: dataConnectorType, props: map[string]propSpec{
		"fileFormat": complexProp(fileFormatReferenceType).needed(),
	}}

	// Credentials: clientSecret is write-only, as documented (GET never
	// returns it); isValid and lastValidDateTime are set by validate.
	credentialType = &complexType{name: nsIndustryData + "credential", abstract: true, props: map[string]propSpec{
		"displayName":       stringProp().orNull(),
		"isValid":           boolProp().orNull().readonly(),
		"lastValidDateTime": dateTimeProp().orNull().readonly(),
	}}
	oAuthClientCredentialType = &complexType{name: nsIndustryData + "oAuthClientCredential", abstract: true, base: credentialType, props: map[string]propSpec{
		"clientId":     stringProp().needed(),
		"clientSecret": stringProp().needed().secret(),
	}}
	oAuth1ClientCredentialType = &complexType{name: nsIndustryData + "oAuth1ClientCredential", base: oAuthClientCredentialType}
	oAuth2ClientCredentialType = &complexType{name: nsIndustryData + "oAuth2ClientCredential", base: oAuthClientCredentialType, props: map[string]propSpec{
		"tokenUrl": stringProp().needed(),
		"scope":    stringProp().orNull(),
	}}
	// Assumption: apiFormat and apiVersion are checked against the values
	// the reference lists (oneRoster; 1.1 and 1.2).
	apiFormatEnum          = &enumType{name: "apiFormat", members: []string{"oneRoster"}}
	apiVersionEnum         = &enumType{name: "apiVersion", members: []string{"1.1", "1.2"}}
	oneRosterConnectorType = &complexType{name: nsIndustryData + "oneRosterApiDataConnector", base: dataConnectorType, props: map[string]propSpec{
		"apiFormat":             enumProp(apiFormatEnum).needed(),
		"baseUrl":               stringProp().needed(),
		"apiVersion":            enumProp(apiVersionEnum).needed(),
		"credential":            complexProp(credentialType).needed(),
		"isDemographicsEnabled": boolProp().needed(),
		"isFlagsEnabled":        boolProp().needed(),
		"isContactsEnabled":     boolProp().needed(),
	}}

	// Inbound flows: an abstract base, a subtype picked by @odata.type.
	// readinessStatus is set by the service (notReady on create).
	// Assumption: dataDomain and the two relationships are create-only (the
	// update page's examples change only the name and the times).
	inboundDomainEnum   = &enumType{name: "inboundDomain", members: []string{"educationRostering", statusUnknownFutureValue}}
	readinessStatusEnum = &enumType{name: "readinessStatus", members: []string{"notReady", "ready", "failed", "disabled", "expired", statusUnknownFutureValue}}
	inboundFlowType     = &complexType{name: nsIndustryData + "inboundFlow", abstract: true, props: map[string]propSpec{
		"id":                 stringProp().readonly(),
		"displayName":        stringProp().atMost(100).needed(),
		"dataDomain":         enumProp(inboundDomainEnum).needed().onCreateOnly(),
		"effectiveDateTime":  dateTimeProp().needed(),
		"expirationDateTime": dateTimeProp().orNull(),
		"readinessStatus":    enumProp(readinessStatusEnum).readonly(),
		"dataConnector":      navigation(DataConnectors).needed().onCreateOnly(),
		"year":               navigation(Years).needed().onCreateOnly(),
	}}
	inboundFileFlowType = &complexType{name: nsIndustryData + "inboundFileFlow", base: inboundFlowType}
	inboundAPIFlowType  = &complexType{name: nsIndustryData + "inboundApiFlow", base: inboundFlowType}

	// Reference definitions, with their id "{referenceType}-{code}" and the
	// properties the reference lists; source and the timestamps are set by
	// the service. The update page lists displayName, isDisabled and
	// sortIndex: the type and the code (the id) are create-only.
	// Assumption: the reference states no length limits; the fake applies
	// the 100 characters of every other industryData name to the code and
	// the display name.
	referenceDefinitionType = &complexType{name: nsIndustryData + "referenceDefinition", props: map[string]propSpec{
		"id":                   stringProp().readonly(),
		"referenceType":        stringProp().needed().onCreateOnly(),
		"code":                 stringProp().atMost(100).needed().onCreateOnly(),
		"displayName":          stringProp().orNull().atMost(100),
		"isDisabled":           boolProp().needed(),
		"sortIndex":            int32Prop().needed(),
		"source":               stringProp().readonly(),
		"createdDateTime":      dateTimeProp().readonly(),
		"lastModifiedDateTime": dateTimeProp().readonly(),
	}}

	roleGroupType = &complexType{name: nsIndustryData + "roleGroup", props: map[string]propSpec{
		"id":          stringProp().readonly(),
		"displayName": stringProp().readonly(),
		"roles":       complexOrNull(roleReferenceType).many().readonly(),
	}}
)
