import { inject, it } from 'vitest';
import { localGateway } from '../support/gateway';

it('explore', async () => {
  const { query } = localGateway();
  const demo = inject('demo');
  const id = demo.pools[0]!.userPoolId;
  const r = await query(`{
    userPool(userPoolId: "${id}") {
      a: users(first: 200, filter: { username: { equals: "admin" } }) { edges { node { username } } }
      b: users(first: 200, filter: { email: { startsWith: "ada." } }) { edges { node { username } } }
      c: users(first: 200, filter: { givenName: { equals: "Ada" } }) { edges { node { username } } }
      d: users(first: 200, filter: { familyName: { startsWith: "Lo" } }) { edges { node { username } } }
      e: users(first: 200, filter: { status: UNCONFIRMED }) { edges { node { username } } }
      f: users(first: 200, filter: { sub: "x" }) { edges { node { username } } }
      g: users(first: 200) { edges { node { username } } }
      m: group(name: "engineering") { members(first: 200) { edges { node { username } } } }
      u: user(username: "admin") { username phoneNumber }
    }
  }`);
  console.log(JSON.stringify(r).slice(0, 9000));
});
