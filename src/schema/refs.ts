import type { ClientRecord, DeviceRecord, GroupRecord, ImportJobRecord, UserPoolRecord, UserRecord } from '../domain/records';
import type { IdentityProviderRecord, ResourceServerRecord } from '../domain/records';
import { builder } from './builder';

/**
 * Object refs of the graph's node types, declared apart from their fields so that type files can
 * point at each other (user → groups → members) without import cycles.
 */
export const UserPoolRef = builder.objectRef<UserPoolRecord>('UserPool');
export const ClientRef = builder.objectRef<ClientRecord>('Client');
export const UserRef = builder.objectRef<UserRecord>('User');
export const GroupRef = builder.objectRef<GroupRecord>('Group');
export const DeviceRef = builder.objectRef<DeviceRecord>('Device');
export const ImportJobRef = builder.objectRef<ImportJobRecord>('ImportJob');

export const UserConnection = builder.connectionObject({ type: UserRef, name: 'UserConnection' });
export const GroupConnection = builder.connectionObject({ type: GroupRef, name: 'GroupConnection' });
export const ClientConnection = builder.connectionObject({ type: ClientRef, name: 'ClientConnection' });
export const UserPoolConnection = builder.connectionObject({ type: UserPoolRef, name: 'UserPoolConnection' });
export const DeviceConnection = builder.connectionObject({ type: DeviceRef, name: 'DeviceConnection' });
export const ImportJobConnection = builder.connectionObject({ type: ImportJobRef, name: 'ImportJobConnection' });

// Identity providers and resource servers (issue 17): nodes and federation entities.
export const IdentityProviderRef = builder.objectRef<IdentityProviderRecord>('IdentityProvider');
export const ResourceServerRef = builder.objectRef<ResourceServerRecord>('ResourceServer');
export const IdentityProviderConnection = builder.connectionObject({ type: IdentityProviderRef, name: 'IdentityProviderConnection' });
export const ResourceServerConnection = builder.connectionObject({ type: ResourceServerRef, name: 'ResourceServerConnection' });
