// The SQL npm run staff (scripts/staff.ts) runs with wrangler to add an account: the account and
// its audit entry, in one command (D1 runs a command's statements as one transaction).

/** An account as npm run staff adds it: the password already hashed. */
export type NewAccount = { email: string; name: string; role: string; passwordHash: string }

const literal = (v: string) => `'${v.replaceAll("'", "''")}'`

/**
 * The statements that add the account, one a line. Whoever ran the script chose the password,
 * so the member must replace it at first sign-in (must_change_password).
 */
export const addStaffSql = ({ email, name, role, passwordHash }: NewAccount) =>
  [
    `INSERT INTO staff (email, name, role, password_hash, must_change_password) VALUES (${literal(email)}, ${literal(name)}, ${literal(role)}, ${literal(passwordHash)}, 1);`,
    `INSERT INTO audit_log (actor_id, action, target, detail) VALUES (NULL, 'staff.add', ${literal(email)}, ${literal(`${role}, by npm run staff`)});`,
  ].join('\n')
