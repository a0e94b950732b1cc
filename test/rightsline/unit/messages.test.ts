import { isItemProblem } from '../../../nodes/shared/item-problem';
import { buildEntry, type Entry } from '../../../nodes/RightslineCharTypeBatch/helpers/entries';
import { recordFailureText, validationDetails } from '../../../nodes/RightslineCharTypeBatch/transport/errors';

function entry(method: string, charType = 4): Entry {
	const built = buildEntry({ itemIndex: 0, method, kind: 'record', charType, record: { id: 55, actionId: 1, template: { templateId: 1 } } });
	if (isItemProblem(built)) throw new Error(built.reason);
	return built;
}

describe('per-record messages in words', () => {
	it('reads the JSON validation string of the docs', () => {
		const docs =
			'{"IsValid":false,"IsLocked":false,"IsDeletable":false,"Errors":[{"Key":"CharDataValidation","Value":["Invalid field found fake_field."]}],"HasConflicts":false,"HasBlockingConflicts":false,"DbValidationErrors":[]}';
		expect(validationDetails(docs)).toBe('Invalid field found fake_field.');
		expect(recordFailureText(entry('POST', 2), 400, docs, 0)).toBe('Rightsline did not create the contact: Invalid field found fake_field. (400)');
	});

	it('collects several errors, database errors, locks and blocking conflicts', () => {
		const message = JSON.stringify({
			IsValid: false,
			IsLocked: true,
			Errors: [{ Key: 'CharDataValidation', Value: ['Field a is required.', 'Field b is too long.'] }],
			HasBlockingConflicts: true,
			DbValidationErrors: [{ Message: 'Duplicate external ID.' }],
		});
		expect(validationDetails(message)).toBe(
			'Field a is required. Field b is too long. Duplicate external ID. The record is locked. The change conflicts with existing rights (blocking conflicts).',
		);
		expect(validationDetails('{"IsValid":false}')).toBe('Rightsline reported the record as not valid without saying why.');
		expect(validationDetails('Record Not Found.')).toBeUndefined();
		expect(validationDetails('{not json')).toBeUndefined();
	});

	it.each([
		['GET', 404, 'Record Not Found.', 'Rightsline has no deal with ID 55 (404 Record Not Found.)'],
		['PUT', 403, 'Access Denied.', 'The Rightsline API user may not update this deal 55 (403 Access Denied.): check the user’s security role in Rightsline'],
		['POST', 400, 'Invalid Record.', 'Rightsline rejected the deal as invalid (400 Invalid Record.): check the template ID, title and fields'],
		['DELETE', 409, 'Record Locked.', 'The deal 55 is locked in Rightsline (409 Record Locked.); try again once it is unlocked'],
		['COPY', 500, 'Something odd.', 'Rightsline did not copy the deal 55: Something odd. (500)'],
		['EXECUTE-WORKFLOW', 403, '', 'Rightsline did not run the workflow action on the deal 55: no message (403)'],
	])('%s %s %s', (method, code, message, text) => {
		expect(recordFailureText(entry(method), code as number, message, method === 'POST' ? 0 : 55)).toBe(text);
	});
});
