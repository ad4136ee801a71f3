/**
 * One IndexedDB object store, opened for each request and closed after it (a device key is read a few
 * times per withdrawal; keeping no connection open lets another tab upgrade or delete the database).
 * `run` performs one request in a transaction of `mode` and resolves with its result.
 */
export function objectStore(db: string, store: string, options?: IDBObjectStoreParameters) {
  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(db, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(store, options);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  return async function run<T>(mode: IDBTransactionMode, act: (s: IDBObjectStore) => IDBRequest): Promise<T> {
    const connection = await open();
    try {
      return await new Promise<T>((resolve, reject) => {
        const request = act(connection.transaction(store, mode).objectStore(store));
        request.onsuccess = () => resolve(request.result as T);
        request.onerror = () => reject(request.error);
      });
    } finally {
      connection.close();
    }
  };
}
