import { DELETED_NAME } from './account-deletion-service.js';
import { UserModel } from './user-model.js';

/** How a volunteer, a coordinator or a family reaches a member of staff: name, work phone, e-mail. */
export interface StaffContact {
  name: string;
  phone?: string;
  email: string;
}

/**
 * The contacts of these people, read one by one by `_id` (a case names one or two). People who left or
 * were disabled are left out, so nobody is sent to a number no one answers.
 */
export async function staffContacts(ids: readonly string[]): Promise<Map<string, StaffContact>> {
  const valid = [...new Set(ids)].filter((id) => /^[0-9a-f]{24}$/.test(id));
  const users = await Promise.all(
    valid.map((id) => UserModel.findById(id, { name: 1, phone: 1, email: 1, status: 1 }).lean()),
  );
  return new Map(
    users
      .filter((user) => user !== null && user.status === 'active' && user.name !== DELETED_NAME)
      .map((user) => [
        String(user!._id),
        { name: user!.name, phone: user!.phone ?? undefined, email: user!.email },
      ]),
  );
}
