package fakegraph

import "fmt"

// connectorForFlow is the data connector type each inbound flow type reads
// from: a file flow reads CSV files from a data lake, an API flow calls a
// OneRoster API.
var connectorForFlow = map[*complexType]*complexType{
	inboundFileFlowType: azureDataLakeConnectorType,
	inboundAPIFlowType:  oneRosterConnectorType,
}

// inboundFlowCreated checks that the bound data connector is of the type
// the flow's type needs, and sets readinessStatus to notReady, as the
// service does for a new flow.
//
// Assumption: the reference says which connector each flow type needs but
// not how the service refuses a mismatch; the fake answers 400 BadRequest
// with Graph's error shape, targeting dataConnector.
func inboundFlowCreated(s *Server, b *bindResolver, obj object) (object, error) {
	flowType, err := resolveType(obj, inboundFlowType, "")
	if err != nil {
		return nil, err
	}
	bind, _ := obj.get("dataConnector@odata.bind")
	raw, _ := bind.(string)
	_, connectorID, err := b.parse(raw) // checked to exist by the validator
	if err != nil {
		return nil, invalid("dataConnector", "The @odata.bind URL '%s' is not valid: %s.", raw, err.Error())
	}
	connector, _ := s.entity(DataConnectors, connectorID)
	got, want := dataConnectorKind.instanceType(connector), connectorForFlow[flowType]
	if got != want {
		return nil, invalid("dataConnector", "%s",
			fmt.Sprintf("An %s needs a data connector of type '%s'; data connector '%s' is of type '%s'.",
				flowType.shortName(), want.shortName(), connectorID, got.shortName()))
	}
	return append(obj, member{Name: "readinessStatus", Value: "notReady"}), nil
}
