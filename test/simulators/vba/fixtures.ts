/**
 * Six real entries of the VBAPI batch catalog, copied from docs/vendor-data/vbapi-batch-endpoints.json
 * (SDK commit 1d46e472, 2025-04-15) in the shape of the package's generated catalog, so the simulator
 * tests run without reading anything outside the package. Chosen to cover: a string key (Job), an
 * integer key the server assigns (CaseAttachment), a parent key from the path (CareCase), a string
 * path param (JobExecution), a path param that is not a body field (CarePlanRuleDetail) and a nested
 * model (Criteria).
 */
import type { CatalogEntitySource, SimField } from './index';

export const JOBS: CatalogEntitySource = {
	id: '/jobs-batch',
	model: 'Job',
	pathParams: [],
	keyFields: ['job_ID'],
	fields: [
		{ name: 'job_ID', type: 'string', required: true, nullable: false, maxLength: 32, minLength: 1 },
		{ name: 'criteria_Object', type: 'string', required: false, nullable: true, maxLength: 128 },
		{ name: 'description', type: 'string', required: false, nullable: true, maxLength: 512 },
		{ name: 'entry_Date', type: 'date-time', required: false, nullable: false },
		{ name: 'entry_User', type: 'string', required: false, nullable: true, maxLength: 20 },
		{ name: 'job_Type', type: 'string', required: false, nullable: true, maxLength: 32 },
		{ name: 'update_Date', type: 'date-time', required: false, nullable: false },
		{ name: 'update_User', type: 'string', required: false, nullable: true, maxLength: 20 },
	],
};

export const CASE_ATTACHMENTS: CatalogEntitySource = {
	id: '/case-attachments-batch',
	model: 'CaseAttachment',
	pathParams: [],
	keyFields: ['caseAttachment_Key'],
	fields: [
		{ name: 'caseAttachment_Key', type: 'integer', required: true, nullable: false },
		{ name: 'attachment', type: 'string', required: false, nullable: true },
		{ name: 'attachment_File', type: 'string', required: false, nullable: true, maxLength: 255 },
		{ name: 'attachment_Path', type: 'string', required: false, nullable: true, maxLength: 500 },
		{ name: 'caseAttachment_Type', type: 'string', required: false, nullable: true, maxLength: 256 },
		{ name: 'case_Key', type: 'integer', required: true, nullable: false },
		{ name: 'comment', type: 'string', required: false, nullable: true, maxLength: 2048 },
		{ name: 'entry_Date', type: 'date-time', required: false, nullable: false },
		{ name: 'entry_User', type: 'string', required: false, nullable: true, maxLength: 20 },
		{ name: 'update_Date', type: 'date-time', required: false, nullable: false },
		{ name: 'update_User', type: 'string', required: false, nullable: true, maxLength: 20 },
	],
};

export const CARE_CASES: CatalogEntitySource = {
	id: '/care-plans/{carePlanKey}/cases-batch',
	model: 'CareCase',
	pathParams: [{ name: 'carePlanKey', type: 'integer', field: 'carePlan_Key' }],
	keyFields: ['carePlan_Key', 'case_Key'],
	fields: [
		{ name: 'case_Key', type: 'integer', required: true, nullable: false },
		{ name: 'appointment_Date', type: 'date-time', required: false, nullable: true },
		{ name: 'assessment_Date', type: 'date-time', required: false, nullable: true },
		{ name: 'carePlan_Key', type: 'integer', required: true, nullable: false },
		{ name: 'case_Assign_Type', type: 'string', required: false, nullable: true, maxLength: 16 },
		{ name: 'case_End_Date', type: 'date-time', required: false, nullable: true },
		{ name: 'case_ID', type: 'string', required: false, nullable: true, maxLength: 64 },
		{ name: 'case_Priority', type: 'integer', required: false, nullable: true },
		{ name: 'case_Reason', type: 'string', required: false, nullable: true, maxLength: 32 },
		{ name: 'case_Score', type: 'number', required: false, nullable: true },
		{ name: 'case_Start_Date', type: 'date-time', required: false, nullable: true },
		{ name: 'case_Status', type: 'string', required: false, nullable: true, maxLength: 8 },
		{ name: 'division_ID', type: 'string', required: false, nullable: true, maxLength: 20 },
		{ name: 'do_Not_Contact', type: 'boolean', required: true, nullable: false },
		{ name: 'eligibility_Verified', type: 'date-time', required: false, nullable: true },
		{ name: 'eligibility_Verified_Comment', type: 'string', required: false, nullable: true, maxLength: 512 },
		{ name: 'case_Close_Reason', type: 'string', required: false, nullable: true, maxLength: 32 },
		{ name: 'entry_Date', type: 'date-time', required: false, nullable: false },
		{ name: 'entry_User', type: 'string', required: false, nullable: true, maxLength: 20 },
		{ name: 'group_ID', type: 'string', required: false, nullable: true, maxLength: 20 },
		{ name: 'member_Seq', type: 'string', required: false, nullable: true, maxLength: 2 },
		{ name: 'provider_ID', type: 'string', required: false, nullable: true, maxLength: 20 },
		{ name: 'subscriber_ID', type: 'string', required: false, nullable: true, maxLength: 9 },
		{ name: 'update_Date', type: 'date-time', required: false, nullable: false },
		{ name: 'update_User', type: 'string', required: false, nullable: true, maxLength: 20 },
	],
};

export const JOB_EXECUTIONS: CatalogEntitySource = {
	id: '/jobs/{jobID}/executions-batch',
	model: 'JobExecution',
	pathParams: [{ name: 'jobID', type: 'string', field: 'job_ID' }],
	keyFields: ['job_ID', 'jobExecution_Key'],
	fields: [
		{ name: 'jobExecution_Key', type: 'integer', required: true, nullable: false },
		{ name: 'entry_Date', type: 'date-time', required: false, nullable: false },
		{ name: 'entry_User', type: 'string', required: false, nullable: true, maxLength: 20 },
		{ name: 'job_Execute_Date', type: 'date-time', required: false, nullable: true },
		{ name: 'job_Execute_User', type: 'string', required: false, nullable: true, maxLength: 20 },
		{ name: 'job_ID', type: 'string', required: true, nullable: false, maxLength: 32, minLength: 1 },
		{ name: 'update_Date', type: 'date-time', required: false, nullable: false },
		{ name: 'update_User', type: 'string', required: false, nullable: true, maxLength: 20 },
		{ name: 'vbA_Execute_End', type: 'date-time', required: false, nullable: true },
		{ name: 'vbA_Execute_Result', type: 'string', required: false, nullable: true, maxLength: 32 },
		{ name: 'vbA_Execute_Result_Message', type: 'string', required: false, nullable: true },
		{ name: 'vbA_Execute_Start', type: 'date-time', required: false, nullable: true },
	],
};

export const CARE_PLAN_RULE_DETAILS: CatalogEntitySource = {
	id: '/care-plans/{carePlanKey}/rules/{carePlanRuleKey}/details-batch',
	model: 'CarePlanRuleDetail',
	pathParams: [{ name: 'carePlanKey', type: 'integer', field: null }, { name: 'carePlanRuleKey', type: 'integer', field: 'carePlanRule_Key' }],
	keyFields: ['carePlanRule_Key', 'carePlanRuleDetail_Key'],
	fields: [
		{ name: 'carePlanRuleDetail_Key', type: 'integer', required: true, nullable: false },
		{ name: 'carePlanRule_Key', type: 'integer', required: true, nullable: false },
		{ name: 'eMail_Body', type: 'string', required: false, nullable: true, maxLength: 4000 },
		{ name: 'eMail_Recipient', type: 'string', required: false, nullable: true, maxLength: 512 },
		{ name: 'eMail_Subject', type: 'string', required: false, nullable: true, maxLength: 256 },
		{ name: 'entry_Date', type: 'date-time', required: false, nullable: false },
		{ name: 'entry_User', type: 'string', required: false, nullable: true, maxLength: 20 },
		{ name: 'event_Subject', type: 'string', required: false, nullable: true, maxLength: 256 },
		{ name: 'item_Definition', type: 'string', required: false, nullable: true, maxLength: 512 },
		{ name: 'item_Result_type', type: 'string', required: false, nullable: true, maxLength: 32 },
		{ name: 'item_Score', type: 'number', required: false, nullable: true },
		{ name: 'item_Type', type: 'string', required: false, nullable: true, maxLength: 32 },
		{ name: 'reportDefinition_Key', type: 'integer', required: false, nullable: true },
		{ name: 'reportSeries_Key', type: 'integer', required: false, nullable: true },
		{ name: 'update_Date', type: 'date-time', required: false, nullable: false },
		{ name: 'update_User', type: 'string', required: false, nullable: true, maxLength: 20 },
	],
};

export const CRITERIAS: CatalogEntitySource = {
	id: '/criterias-batch',
	model: 'Criteria',
	pathParams: [],
	keyFields: ['criteria_Key'],
	fields: [
		{ name: 'searchConfigId', type: 'string', required: false, nullable: true, maxLength: 32 },
		{ name: 'criteria_Key', type: 'integer', required: false, nullable: false },
		{ name: 'criteria_Type', type: 'string', required: false, nullable: true, maxLength: 32 },
		{ name: 'criteria_User', type: 'string', required: false, nullable: true, maxLength: 20 },
		{ name: 'description', type: 'string', required: false, nullable: true, maxLength: 512 },
		{ name: 'criteriaDetails', type: 'array<object:CriteriaDetail>', required: false, nullable: true },
		{ name: 'temporary', type: 'boolean', required: false, nullable: false },
	],
};

export const CRITERIA_DETAIL_MODEL: readonly SimField[] = [
	{ name: 'criteria_Key', type: 'integer', required: false, nullable: false },
	{ name: 'criteria_Seq', type: 'integer', required: true, nullable: false },
	{ name: 'criteria_AndOr', type: 'string', required: false, nullable: true, maxLength: 3 },
	{ name: 'criteria_Column', type: 'string', required: false, nullable: true, maxLength: 64 },
	{ name: 'criteria_Data_Type', type: 'string', required: false, nullable: true, maxLength: 32 },
	{ name: 'criteria_From_Value', type: 'string', required: false, nullable: true, maxLength: 256 },
	{ name: 'criteria_Left_Paren', type: 'string', required: false, nullable: true, maxLength: 16 },
	{ name: 'criteria_Operator', type: 'string', required: false, nullable: true, maxLength: 32 },
	{ name: 'criteria_Right_Paren', type: 'string', required: false, nullable: true, maxLength: 16 },
	{ name: 'criteria_Table', type: 'string', required: false, nullable: true, maxLength: 64 },
	{ name: 'criteria_Thru_Value', type: 'string', required: false, nullable: true, maxLength: 256 },
];

export const TEST_ENTITIES: readonly CatalogEntitySource[] = [JOBS, CASE_ATTACHMENTS, CARE_CASES, JOB_EXECUTIONS, CARE_PLAN_RULE_DETAILS, CRITERIAS];
