# A flow is imported by its id, the GUID that Graph gives it (the
# industrydata_inbound_flows data source lists them with their type).
terraform import industrydata_inbound_api_flow.rostering 5c1f9a52-3f4e-4b7e-9d3c-1a2b3c4d5e6f
